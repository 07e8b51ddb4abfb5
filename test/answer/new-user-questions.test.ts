/**
 * The questions a new user asked of the shipped report (issue 7), each answered by one of its
 * sentences, asked exactly as the terminal chat asks them: offline, lexical embeddings, the
 * extractive answerer with its fitted decision.
 */
import { describe, expect, it } from "vitest";
import { useShippedReportServices } from "../helpers/shipped-report-services.js";

const { ask, answered } = useShippedReportServices("new-user-questions-");

describe("questions a new user asks of the shipped report", () => {
  it("省级企业技术中心的数量达到了多少家？ is answered with 1387家 (达到 and 数量 no longer veto it)", async () => {
    const answer = await answered("省级企业技术中心的数量达到了多少家？");
    expect(answer.text).toMatch(/^省级企业技术中心达1387家\[1\]/u);
  });

  it("成都超算中心的计算能力排在全球什么位置？ is answered with 进入全球前10", async () => {
    const answer = await answered("成都超算中心的计算能力排在全球什么位置？");
    expect(answer.citations[0]!.quote).toContain("成都超算中心计算能力进入全球前10");
  });

  it("今年前半年六大优势产业增速如何？ resolves 今年前半年 to the report's 2024年上半年 and answers 6.6%", async () => {
    const answer = await answered("今年前半年六大优势产业增速如何？");
    expect(answer.text).toContain("六大优势产业增加值同比增长6.6%");
  });

  it("去年高技术制造业营收占规上工业的比重是多少？ reads 去年 as 2023 and 营收 as 营业收入, and answers 22.3%", async () => {
    const answer = await answered("去年高技术制造业营收占规上工业的比重是多少？");
    expect(answer.text).toContain("22.3%");
    expect(answer.citations[0]!.quote).toContain("2023年全省高技术制造业营业收入占规上工业比重22.3%");
  });

  it("What share of R&D spending came from enterprises in 2023? is answered from the Chinese report with 60%", async () => {
    const answer = await answered("What share of R&D spending came from enterprises in 2023?");
    expect(answer.text).toContain("60%");
    expect(answer.citations[0]!.quote).toContain("2023年企业研发投入占全社会RD比重超过60%");
  });

  it("still declines the same question about a province the report does not cover", async () => {
    const answer = await ask("2024年上半年广东省规模以上工业增加值同比增长多少？");
    expect(answer.status).toBe("not_found");
  });
});
