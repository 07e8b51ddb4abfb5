/**
 * When the fitted decision answers although the quoted document never mentions a subject word of
 * the question (a near miss: 用电量 asked, only 增加值 reported), the extractive reply is a decline
 * (status not_found) that names the missing word and shows the closest sentence, never a
 * neighbouring figure as the answer, and never a ✅ citation.
 */
import { describe, expect, it } from "vitest";
import { analyzeQuestion } from "../../src/answer/extractive/question-analysis.js";
import { useShippedReportServices } from "../helpers/shipped-report-services.js";

const { ask, answered } = useShippedReportServices("unmentioned-words-");

describe("a reply whose passages do not mention a subject word of the question", () => {
  it("declines 工业用电量 (not_found), naming the missing word, instead of answering with 增加值's 6.2%", async () => {
    // The committed decision lets this near miss through (docs/limitations.md); were a re-fit to
    // decline it outright, this test would move to another near miss it lets through.
    const answer = await ask("2024年上半年四川全省工业用电量是多少？");
    expect(answer.status).toBe("not_found");
    expect(answer.text).toMatch(/^所引段落未提到“用电量”。最接近的内容是：“/u);
    expect(answer.instead).toBe(answer.text);
    expect(answer.citations).toEqual([]);
    expect(answer.closest?.length).toBeGreaterThan(0);
  });

  it("says nothing of the kind when every subject word is in the passages", async () => {
    const answer = await answered("2024年上半年四川规模以上工业增加值同比增长多少？");
    expect(answer.text).toMatch(/^全省规模以上工业增加值同比增长6\.2%\[1\]/u);
  });
});

describe("the words naming the kind of answer", () => {
  it("are the words right after an interrogative, which a passage need not contain", () => {
    const when = analyzeQuestion("西贡商信银行成立的时间是什么时候？");
    expect(when.answerKindWords?.map((index) => when.words[index]!.text)).toEqual(["时候"]);
    const which = analyzeQuestion("电视剧中的歌曲收录在哪张专辑？");
    expect(which.answerKindWords?.map((index) => which.words[index]!.text)).toContain("专辑");
  });

  it("do not include the subject asked about before the interrogative", () => {
    const analysis = analyzeQuestion("2024年上半年四川全省工业用电量是多少？");
    expect(analysis.answerKindWords?.map((index) => analysis.words[index]!.text) ?? []).not.toContain("用电量");
  });
});
