import { describe, expect, it } from "vitest";
import { rewriteFollowUp } from "../../src/conversation/rewrite-follow-up.js";
import { turnsOf } from "./turns.js";

const INDUSTRY = "2024年上半年四川规模以上工业增加值同比增长多少？";
const HIGH_TECH = "2024年上半年四川规模以上高技术制造业增加值同比增长多少";
const read = (previous: string, message: string) => rewriteFollowUp({ turns: turnsOf(previous), message });

describe("subject swaps keep the period, place and indicator and replace the subject", () => {
  it("那X呢", () => {
    expect(read(INDUSTRY, "那高技术制造业呢？")).toMatchObject({ question: HIGH_TECH, rewritten: true, carried: ["indicator", "place", "period"] });
  });
  it("X呢", () => {
    expect(read("智慧医疗居全国第几位？", "智慧金融呢？").question).toBe("智慧金融居全国第几位");
  });
  it("X的呢", () => {
    expect(read(INDUSTRY, "六大优势产业的呢").question).toBe("2024年上半年四川规模以上六大优势产业增加值同比增长多少");
  });
  it("a distinguishing word swaps only that word of the subject (省级 → 国家级)", () => {
    expect(read("有多少个省级制造业创新中心？", "国家级的呢？").question).toBe("有多少个国家级制造业创新中心");
  });
  it("a place swaps the place (四川 → 全国)", () => {
    expect(read(INDUSTRY, "全国呢？").question).toBe("2024年上半年全国规模以上工业增加值同比增长多少");
  });
});

describe("pronouns take the previous subject", () => {
  it("它的增速 → the subject's growth, with the period and place in front", () => {
    expect(read(HIGH_TECH, "它的增速是多少？")).toMatchObject({
      question: "2024年上半年四川规模以上高技术制造业的增速是多少",
      reason: "pronoun",
      carried: ["subject", "place", "period"],
    });
  });
  it.each([
    ["其增速是多少？", "2024年上半年四川规模以上高技术制造业增速是多少"],
    ["这个增速是多少？", "2024年上半年四川规模以上高技术制造业增速是多少"],
    ["该产业增速是多少？", "2024年上半年四川规模以上高技术制造业产业增速是多少"],
    ["它们的增速是多少？", "2024年上半年四川规模以上高技术制造业的增速是多少"],
  ])("%s", (message, expected) => {
    expect(read(HIGH_TECH, message).question).toBe(expected);
  });
  it("其中X呢 narrows to X, keeping what was asked", () => {
    expect(read(INDUSTRY, "其中高技术制造业呢").question).toBe(HIGH_TECH);
  });
});

describe("attribute turns keep the subject and period and replace what is asked", () => {
  it("占比呢？", () => {
    expect(read("2023年全省高技术制造业营业收入是多少？", "占比呢？").question).toBe("2023年全省高技术制造业营业收入占比是多少");
  });
  it("排第几？", () => {
    expect(read("四川智能制造就绪度怎么样？", "排第几？").question).toBe("四川智能制造就绪度排第几");
  });
});

describe("a message that only asks asks about the previous subject", () => {
  it("具体有哪些？", () => {
    expect(read("六大优势产业是哪些？", "具体有哪些？")).toMatchObject({ question: "六大优势产业有哪些", reason: "fragment" });
  });
  it("增长了多少？", () => {
    expect(read(INDUSTRY, "增长了多少？").question).toBe("2024年上半年四川规模以上工业增加值增长了多少");
  });
  it("a message with no question word and no slot (？) is left as typed", () => {
    expect(read(INDUSTRY, "？")).toMatchObject({ question: "？", rewritten: false, reason: "no_slots" });
  });
});

describe("time turns swap the period", () => {
  it("去年呢？ resolves against the previous question's year", () => {
    expect(read(INDUSTRY, "去年呢？")).toMatchObject({ question: "2023年四川规模以上工业增加值同比增长多少", carried: ["subject", "indicator", "place"] });
  });
  it("2023年呢？", () => {
    expect(read(INDUSTRY, "2023年呢？").question).toBe("2023年四川规模以上工业增加值同比增长多少");
  });
  it("去年同期呢？ keeps the part of the year", () => {
    expect(read(INDUSTRY, "去年同期呢？").question).toBe("2023年上半年四川规模以上工业增加值同比增长多少");
  });
  it("去年呢？ after a question with no year resolves against the cited document's period", () => {
    const rewrite = rewriteFollowUp({ turns: turnsOf("四川规模以上工业增加值同比增长多少？"), message: "去年呢？", documentPeriod: { year: 2024, part: "上半年" } });
    expect(rewrite.question).toBe("2023年四川规模以上工业增加值同比增长多少");
  });
});

describe("English follow-ups", () => {
  const english = "How much did Sichuan's industrial value added grow in the first half of 2024?";
  it("And in 2023?", () => {
    expect(read(english, "And in 2023?").question).toBe("How much did Sichuan's industrial value added grow in 2023?");
  });
  it("In 2023?", () => {
    expect(read(english, "In 2023?").question).toBe("How much did Sichuan's industrial value added grow in 2023?");
  });
  it("And last year?", () => {
    expect(read(english, "And last year?").question).toBe("How much did Sichuan's industrial value added grow in 2023?");
  });
  it("What about high-tech manufacturing?", () => {
    expect(read(english, "What about high-tech manufacturing?").question).toBe(
      "How much did Sichuan's high-tech manufacturing value added grow in the first half of 2024?",
    );
  });
  it("the longest run of subject words is the subject (industrial qualifies revenue)", () => {
    expect(read("What share of industrial revenue did high-tech manufacturing account for in 2023?", "What about green low-carbon industries?").question).toBe(
      "What share of industrial revenue did green low-carbon industries account for in 2023?",
    );
  });
  it("a verb of the question is not part of the subject it swaps", () => {
    expect(read("What rank does Sichuan's smart healthcare hold nationally?", "And smart finance?").question).toBe("What rank does Sichuan's smart finance hold nationally?");
  });
  it("its takes the previous subject, and the place and period go last", () => {
    expect(read("How much did Sichuan's high-tech manufacturing value added grow in the first half of 2024?", "What was its share?").question).toBe(
      "What was high-tech manufacturing's share in Sichuan in the first half of 2024?",
    );
  });
});

describe("messages that stand alone are left as typed", () => {
  it("a topic change does not inherit the old subject or period", () => {
    expect(read(INDUSTRY, "有多少个省级制造业创新中心？")).toMatchObject({ question: "有多少个省级制造业创新中心？", rewritten: false, reason: "complete", carried: [] });
  });
  it("a short complete question is not a follow-up (short is not elliptical)", () => {
    expect(read(INDUSTRY, "高技术制造业增长多少？")).toMatchObject({ rewritten: false, reason: "complete" });
  });
  it("a complete question ending in 呢 stands alone", () => {
    expect(read(INDUSTRY, "数字经济核心产业增加值是多少呢？")).toMatchObject({ rewritten: false, reason: "complete" });
  });
  it("a long follow-up is still a follow-up (那…呢 with a subject and a period)", () => {
    expect(read(INDUSTRY, "那2023年全省绿色低碳优势产业的呢？").question).toBe("2023年全省规模以上绿色低碳优势产业增加值同比增长多少");
  });
  it.each(["你好", "谢谢", "ok", "好的", "Thanks!", "是吗？"])("small talk (%s) never becomes a question", (message) => {
    expect(read(INDUSTRY, message)).toMatchObject({ question: message, rewritten: false, reason: "small_talk" });
  });
  it("a follow-up with nothing before it is answered as typed", () => {
    expect(rewriteFollowUp({ turns: [], message: "去年呢？" })).toMatchObject({ question: "去年呢？", rewritten: false, reason: "no_context" });
  });
  it("follows the latest turn that did not fail", () => {
    const turns = turnsOf("智慧医疗居全国第几位？", INDUSTRY);
    turns[1]!.status = "failed";
    expect(rewriteFollowUp({ turns, message: "智慧金融呢？" }).question).toBe("智慧金融居全国第几位");
  });
});
