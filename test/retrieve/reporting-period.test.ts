import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { detectReportingPeriod } from "../../src/retrieve/reporting-period.js";

describe("detectReportingPeriod", () => {
  it("reads the shipped report as a report on the first half of 2024", () => {
    const text = readFileSync("knowledge/sichuan-industry-report.txt", "utf8").replace(/[■★◆]/gu, "");
    expect(detectReportingPeriod(text)).toEqual({ year: 2024, part: "上半年" });
  });

  it("takes the latest year stated with a part of the year", () => {
    expect(detectReportingPeriod("2023年前三季度增长5%。2022年全年增长4%。")).toEqual({ year: 2023, part: "前三季度" });
    expect(detectReportingPeriod("In the first half of 2025, output rose 3%.")).toEqual({ year: 2025, part: "上半年" });
  });

  it("otherwise takes the year mentioned most often, ignoring plan ranges", () => {
    expect(detectReportingPeriod("2022年产量增长。2022年出口下降。2021年持平。《行动计划(2023—2027年)》")).toEqual({ year: 2022 });
  });

  it("finds no period in a text without years", () => {
    expect(detectReportingPeriod("没有年份的文本。")).toBeUndefined();
  });
});
