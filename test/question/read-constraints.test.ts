/**
 * What a question asks, read as constraints an evidence clause must meet: the kind of figure,
 * the place, the period, result or target, and the administrative level.
 */
import { describe, expect, it } from "vitest";
import { readQuestionConstraints } from "../../src/question/constraints/read-constraints.js";

describe("readQuestionConstraints", () => {
  it.each([
    ["规上高技术制造业涨了多少", "growth"],
    ["六大优势产业增速如何", "growth"],
    ["今年头六个月四川工厂的产出比去年同期多了百分之几？", "growth"],
    ["高技术制造业营收占比多少", "share"],
    ["2023年全省高技术制造业营业收入占规上工业比重是多少？", "share"],
    ["四川智慧金融在全国排第几？", "rank"],
    ["国家级企业技术中心有多少家", "count"],
    ["How many industrial internet platforms has Sichuan built?", "count"],
    ["2024年上半年规模以上工业增加值是多少亿元", "level"],
    ["工业企业关键工序数控化率上升到了多少？", "level"],
    ["2023年高技术制造业营业收入占比提升了多少个百分点？", "growth"],
  ])("reads the kind of figure %s asks for as %s", (question, indicator) => {
    expect(readQuestionConstraints(question).indicator).toBe(indicator);
  });

  it("reads no kind of figure when the question does not say (是多少)", () => {
    expect(readQuestionConstraints("全省无人机产品是多少").indicator).toBeUndefined();
  });

  it("reads 全国 as the place, and a year with its part as the period", () => {
    expect(readQuestionConstraints("2024年上半年全国规模以上工业增加值增长多少？")).toEqual({
      indicator: "growth",
      place: "全国",
      period: { year: 2024, part: "上半年" },
      modality: "actual",
    });
  });

  it("does not read 全国 as the place when it only says where a rank is counted", () => {
    expect(readQuestionConstraints("四川智慧医疗居全国第几位？").place).toBe("四川");
    expect(readQuestionConstraints("智慧医疗在全国排第几？").place).toBeUndefined();
  });

  it("reads provinces and cities by their short names", () => {
    expect(readQuestionConstraints("四川省2023年工业增加值是多少").place).toBe("四川");
    expect(readQuestionConstraints("成都新能源汽车产量是多少").place).toBe("成都");
    expect(readQuestionConstraints("南京市2024年地区生产总值多少亿元").place).toBe("南京");
    expect(readQuestionConstraints("How much did Sichuan's industry grow in the first half of 2024?").place).toBe("四川");
  });

  it("leaves the document's own area (全省) unconstrained: it is whatever the report is about", () => {
    expect(readQuestionConstraints("全省无人机产品有多少种？").place).toBeUndefined();
  });

  it("reads a five-year plan as a period spanning its years", () => {
    expect(readQuestionConstraints("十三五期间能耗下降多少").period).toEqual({ plan: "十三五", year: 2016, endYear: 2020 });
  });

  it("resolves relative years against the report's period", () => {
    expect(readQuestionConstraints("去年高技术制造业营收占比多少", { reportingPeriod: { year: 2024, part: "上半年" } }).period).toEqual({ year: 2023 });
  });

  it("reads an English period", () => {
    expect(readQuestionConstraints("How fast did industry grow in the first half of 2024?").period).toEqual({ year: 2024, part: "上半年" });
  });

  it.each(["成都2025年新能源汽车产量目标是多少", "下一步四川将推进多少项改革事项？", "到2025年力争达到多少亿元", "What is the 2025 target for output?"])(
    "reads %s as asking for a target",
    (question) => {
      expect(readQuestionConstraints(question).modality).toBe("target");
    },
  );

  it("reads an ordinary question as asking for an actual result", () => {
    expect(readQuestionConstraints("成都新能源汽车产量是多少").modality).toBe("actual");
  });

  it("does not read the title of a plan document as a target", () => {
    expect(readQuestionConstraints("《产业新赛道争先竞速行动计划》提出了几条新赛道").modality).toBe("actual");
  });

  it("reads the administrative level asked (国家级, and a bare 国家 before a noun)", () => {
    expect(readQuestionConstraints("国家级企业技术中心有多少家").level).toBe("国家级");
    expect(readQuestionConstraints("四川培育了多少个国家技术创新示范企业？").level).toBe("国家级");
    expect(readQuestionConstraints("省级企业技术中心有多少家？").level).toBe("省级");
    expect(readQuestionConstraints("How many provincial-level enterprise technology centres are there?").level).toBe("省级");
  });
});
