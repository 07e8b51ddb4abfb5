/**
 * What a "how many / what share" question asks for, and whether a text states it: the unit the
 * question names, any counting classifier for a count, a percentage for a share.
 */
import { describe, expect, it } from "vitest";
import { holdsAnswerKind, statesAskedUnit } from "../../src/answer/extractive/answer-kind.js";
import { analyzeQuestion } from "../../src/answer/extractive/question-analysis.js";

describe("statesAskedUnit", () => {
  it("accepts a count in another classifier than the one asked (几座 → 23万个, 几件 → 14项, 多少款 → 60种)", () => {
    expect(statesAskedUnit("座", "共同建成5G基站超23万个")).toBe(true);
    expect(statesAskedUnit("件", "等14项改革事项")).toBe(true);
    expect(statesAskedUnit("款", "全省无人机产品超60种")).toBe(true);
  });

  it("accepts the unit asked itself", () => {
    expect(statesAskedUnit("家", "省级企业技术中心达1387家")).toBe(true);
    expect(statesAskedUnit("个百分点", "提升1.8个百分点")).toBe(true);
  });

  it("requires a unit of measure as asked: a count is not an amount of money, a percentage is not percentage points", () => {
    expect(statesAskedUnit("亿元", "累计打造工业互联网平台47个")).toBe(false);
    expect(statesAskedUnit("个百分点", "同比增长6.2%")).toBe(false);
  });

  it("finds no count in a clause without a number", () => {
    expect(statesAskedUnit("家", "打造出绿色工厂、绿色设计产品")).toBe(false);
  });
});

describe("the value a question asks for", () => {
  it("reads 占几成 and 百分之几 as asking for a percentage", () => {
    expect(analyzeQuestion("高技术制造业营业收入在规上工业里占几成？").askedUnit).toBe("%");
    expect(analyzeQuestion("企业研发投入占全社会的百分之几？").askedUnit).toBe("%");
  });

  it("accepts a sentence stating a percentage for a share question, and not one stating only counts", () => {
    const analysis = analyzeQuestion("高技术制造业营业收入在规上工业里占几成？");
    expect(holdsAnswerKind(analysis, "2023年全省高技术制造业营业收入占规上工业比重22.3%")).toBe(true);
    expect(holdsAnswerKind(analysis, "累计打造工业互联网平台47个")).toBe(false);
  });

  it("accepts a count in any classifier for a question counting in 座", () => {
    const analysis = analyzeQuestion("两地一共建成了多少座基站？");
    expect(analysis.askedUnit).toBe("座");
    expect(holdsAnswerKind(analysis, "共同建成5G基站超23万个")).toBe(true);
  });
});
