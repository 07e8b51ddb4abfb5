import { describe, expect, it } from "vitest";
import { classifyMessage, isSmallTalk, withoutSocialOpening } from "../../src/question/small-talk/classify-message.js";

describe("classifyMessage: messages that are not questions", () => {
  it.each([
    ["你好", "greeting"],
    ["您好！", "greeting"],
    ["hi", "greeting"],
    ["Hello", "greeting"],
    ["早上好", "greeting"],
    ["谢谢", "thanks"],
    ["谢谢！", "thanks"],
    ["多谢啦", "thanks"],
    ["thanks", "thanks"],
    ["Thank you so much!", "thanks"],
    ["help", "help"],
    ["帮助", "help"],
    ["你能做什么", "help"],
    ["what can you do?", "help"],
    ["你是谁", "identity"],
    ["who are you", "identity"],
    ["这份报告讲了什么", "overview"],
    ["报告的主要内容是什么", "overview"],
    ["介绍一下这份报告", "overview"],
    ["what is this report about", "overview"],
    ["ok", "acknowledgement"],
    ["好的", "acknowledgement"],
    ["嗯嗯", "acknowledgement"],
    ["👍", "acknowledgement"],
    ["再见", "farewell"],
    ["bye", "farewell"],
  ] as const)("%s is small talk (%s)", (message, intent) => {
    expect(classifyMessage(message)).toEqual({ kind: "small_talk", intent });
  });

  it("reads Traditional small talk the same way (謝謝, 報告講了什麼)", () => {
    expect(classifyMessage("謝謝")).toEqual({ kind: "small_talk", intent: "thanks" });
    expect(classifyMessage("這份報告講了什麼")).toEqual({ kind: "small_talk", intent: "overview" });
  });

  it("treats a word the index and the dictionary do not know as noise next to thanks (thanks bro)", () => {
    expect(classifyMessage("thanks bro", { knowsWord: () => false })).toEqual({ kind: "small_talk", intent: "thanks" });
  });
});

describe("classifyMessage: questions", () => {
  it.each([
    "你好，规上工业增长多少？",
    "GDP多少",
    "规上工业增速",
    "营收多少",
    "成都呢",
    "增速多少",
    "六大优势产业是哪些",
    "2024年上半年",
    "今天天气怎么样",
    "Hi, what was Sichuan's industrial growth?",
    "2024年上半年四川規模以上工業增加值同比增長多少？",
  ])("%s is a question", (message) => {
    expect(classifyMessage(message)).toEqual({ kind: "question" });
    expect(isSmallTalk(message)).toBe(false);
  });

  it("keeps a content word the index knows a question even next to thanks", () => {
    expect(classifyMessage("谢谢，营收", { knowsWord: (word) => word === "营收" })).toEqual({ kind: "question" });
  });

  it("reads a long message as a question without looking for social words", () => {
    expect(isSmallTalk("谢谢".repeat(30))).toBe(false);
  });
});

describe("withoutSocialOpening", () => {
  it.each([
    ["你好，规上工业增长多少？", "规上工业增长多少？"],
    ["你好规上工业增长多少", "规上工业增长多少"],
    ["Hi, what was the growth?", "what was the growth?"],
    ["谢谢！六大优势产业是哪些", "六大优势产业是哪些"],
    ["您好！请问省级企业技术中心有多少家？", "请问省级企业技术中心有多少家？"],
  ])("drops the opening of %s", (question, rest) => {
    expect(withoutSocialOpening(question)).toBe(rest);
  });

  it.each(["规上工业增速", "好多企业", "对亚硫酸盐过敏的反应表现为什么？", "high tech growth", "你好"])("leaves %s as it is", (question) => {
    expect(withoutSocialOpening(question)).toBe(question);
  });
});
