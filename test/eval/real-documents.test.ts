import { describe, expect, it } from "vitest";
import type { Answer } from "../../src/answer/types.js";
import { scoreRealDocuments } from "../../src/eval/real-documents/score-real-documents.js";

const answer = (status: Answer["status"], text: string): Answer => ({
  status,
  mode: "extractive",
  text,
  citations: [],
  timings: { retrieveMs: 0, answerMs: 0 },
  question: "",
  retrieved: [],
});

describe("scoreRealDocuments", () => {
  it("counts a figure in the first sentence as right, another figure as wrong, and a declined trap as declined", () => {
    const score = scoreRealDocuments(
      [
        { question: "2018年民航全行业完成旅客运输量多少？", expect: "61173.77" },
        { question: "2024年全国国内生产总值是多少？", expect: "1349084" },
        { question: "2020年民航全行业完成旅客运输量多少？", expect: "decline" },
        { question: "合肥市2024年地区生产总值是多少？", expect: "13507.69" },
      ],
      [
        answer("answered", "全行业完成旅客运输量61173.77万人次[1]。"),
        answer("answered", "第一产业增加值占国内生产总值比重为6.8%[1]。国内生产总值1349084亿元。"),
        answer("not_found", "报告中没有找到这个问题的答案。"),
        answer("not_found", "报告中没有找到这个问题的答案。"),
      ],
    );
    expect(score.rows.map((row) => row.verdict)).toEqual(["right", "wrong", "declined", "missed"]);
    expect({ right: score.right, answeredWrong: score.answeredWrong, declined: score.declined }).toEqual({ right: 1, answeredWrong: 1, declined: 1 });
  });
});
