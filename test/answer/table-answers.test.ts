/**
 * Figures from tables (a CSV of 年末常住人口 by province and year, an XLSX of 社会消费品零售总额 with
 * a note on revised years) are answered with the asked cell: the row's caption, label and unit,
 * then that one `header：value`, proven against the row, never the whole row with every year's
 * figure (which states figures for years not asked) nor the sheet's note.
 */
import { describe, expect, it } from "vitest";
import { analyzeQuestion } from "../../src/answer/extractive/question-analysis.js";
import { leadClause } from "../../src/answer/extractive/lead-clause.js";
import { indicatorsAgree, namesAmount } from "../../src/question/constraints/indicator.js";
import { readFigureValues } from "../../src/text/figure-values.js";
import { useShippedReportServices } from "../helpers/shipped-report-services.js";

const { answered } = useShippedReportServices("table-answers-", {
  extraFiles: ["test/fixtures/ingest/nbs-population-gb18030.csv", "test/fixtures/ingest/nbs-retail-sales.xlsx"],
});

describe("answers from table rows", () => {
  it("2024年末北京市常住人口 leads with the 2024 cell of 北京市's row, proven", async () => {
    const answer = await answered("2024年末北京市常住人口是多少？");
    expect(answer.text).toMatch(/^年末常住人口｜北京市｜单位：万人｜2024年：2183\[1\]。$/u);
    expect(answer.citations[0]!.quote).toContain("2023年：2186");
  });

  it("another year of the same row is read with its own column's header", async () => {
    const answer = await answered("2022年末北京市常住人口是多少？");
    expect(answer.text).toMatch(/2022年：2184\[1\]/u);
    expect(answer.text).not.toContain("2183");
  });

  it("2024年社会消费品零售总额 leads with the table's 2024 value, not the sheet's note on revised years", async () => {
    const answer = await answered("2024年社会消费品零售总额是多少？");
    expect(answer.text).toMatch(/2024年：483344\.7\[1\]/u);
    expect(answer.text).not.toContain("修订");
  });
});

describe("the clauses of a row sentence", () => {
  const row = "年末常住人口｜北京市｜单位：万人｜2024年：2183｜2023年：2186｜2022年：2184";

  it("are its cells, each after the caption, label and unit", () => {
    expect(leadClause(analyzeQuestion("2023年末北京市常住人口是多少？"), row)).toBe("年末常住人口｜北京市｜单位：万人｜2023年：2186");
  });
});

describe("a share is not the amount a question names", () => {
  const share = readFigureValues("占国内生产总值比重为6.8%")[0]!;

  it("国内生产总值是多少 is not answered by 占国内生产总值比重6.8%", () => {
    expect(namesAmount("2024年全国国内生产总值是多少？")).toBe(true);
    expect(indicatorsAgree("level", "share", share, { asksPoints: false, namesShare: false, namesAmount: true })).toBe(false);
  });

  it("a rate reached (城镇化率上升到了多少) or a share asked by name still is", () => {
    expect(namesAmount("城镇化率上升到了多少？")).toBe(false);
    expect(namesAmount("第一产业增加值占国内生产总值比重是多少？")).toBe(false);
    expect(indicatorsAgree("level", "share", share, { asksPoints: false, namesShare: false, namesAmount: false })).toBe(true);
  });
});
