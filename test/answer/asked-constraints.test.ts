/**
 * A ✅ answers the question that was asked (issue 15): on the shipped report, the extractive
 * answer leads only with a clause that agrees with every constraint the question states — the
 * kind of figure, place, period, result or target, administrative level — and otherwise says
 * plainly what the report gives instead, as a decline (status not_found, no verified citation).
 */
import { describe, expect, it } from "vitest";
import type { Answer } from "../../src/answer/types.js";
import { useShippedReportServices } from "../helpers/shipped-report-services.js";

const { ask, answered } = useShippedReportServices("asked-constraints-");

/** Expects a decline that names the difference and shows no citation as proven. */
function expectPlainlyDifferent(answer: Answer, statement: RegExp, quoted: string): void {
  expect(answer.status).toBe("not_found");
  expect(answer.citations).toEqual([]);
  expect(answer.instead).toMatch(statement);
  expect(answer.instead).toMatch(new RegExp(`“[^”]*${quoted.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&")}”$`, "u"));
  expect(answer.closest?.[0]?.text).toContain(quoted);
}

describe("the issue's measured examples", () => {
  it("规上高技术制造业涨了多少 leads with the 6.9% growth, not the 22.3% share", async () => {
    const answer = await answered("规上高技术制造业涨了多少");
    expect(answer.text).toMatch(/^规模以上高技术制造业增加值同比增长6\.9%\[1\]/u);
    expect(answer.text).not.toContain("22.3%");
  });

  it("2024年上半年全国规模以上工业增加值增长多少？ does not answer with the province's 6.2%: it says the report gives 四川's", async () => {
    const answer = await ask("2024年上半年全国规模以上工业增加值增长多少？");
    expectPlainlyDifferent(answer, /^报告给出的是四川全省的数据，没有全国的：/u, "全省规模以上工业增加值同比增长6.2%");
  });
});

describe("trap kinds on the shipped report", () => {
  it("2023 asked, a 2024 first-half figure given: 2023年六大优势产业增加值增长多少", async () => {
    const answer = await ask("2023年六大优势产业增加值增长多少");
    expectPlainlyDifferent(answer, /^报告没有2023年全年的数据；它给出的是2024年上半年：/u, "六大优势产业增加值同比增长6.6%");
  });

  it("2023 asked, the clause after a 2023 is another subject's (能耗, not 增加值): 2023年规上工业增加值增长多少", async () => {
    const answer = await ask("2023年规上工业增加值增长多少");
    expect(answer.status).toBe("not_found");
    expect(answer.text).not.toContain("3.4%");
  });

  it("a level asked, a growth rate given: 2024年上半年规模以上工业增加值是多少亿元", async () => {
    const answer = await ask("2024年上半年规模以上工业增加值是多少亿元");
    expectPlainlyDifferent(answer, /^报告没有总量的数据；它给出的是增速：/u, "全省规模以上工业增加值同比增长6.2%");
  });

  it("a growth asked, a level given: 数字经济核心产业增加值增长了多少", async () => {
    const answer = await ask("数字经济核心产业增加值增长了多少");
    expectPlainlyDifferent(answer, /^报告没有增速的数据；它给出的是总量：/u, "2023年实现数字经济核心产业增加值4899亿元");
  });

  it("国家级 asked, the 省级 count given: 国家级企业技术中心有多少家", async () => {
    const answer = await ask("国家级企业技术中心有多少家");
    expectPlainlyDifferent(answer, /^报告没有国家级的数据；它给出的是省级：/u, "省级企业技术中心达1387家");
  });

  it("national asked, the province given: 全国高技术制造业增加值增长多少", async () => {
    const answer = await ask("全国高技术制造业增加值增长多少");
    expectPlainlyDifferent(answer, /^报告给出的是四川全省的数据，没有全国的：/u, "规模以上高技术制造业增加值同比增长6.9%");
  });

  it("a city asked, the province given: 成都的规上工业增加值增长多少", async () => {
    const answer = await ask("成都的规上工业增加值增长多少");
    expectPlainlyDifferent(answer, /^报告给出的是四川全省的数据，没有成都的：/u, "全省规模以上工业增加值同比增长6.2%");
  });

  it("an actual result asked, a plan given: 四川已经完成了多少项改革事项", async () => {
    const answer = await ask("四川已经完成了多少项改革事项");
    expectPlainlyDifferent(answer, /^报告没有实际完成的数据；它给出的是目标或计划：/u, "14项改革事项");
  });

  it("a share asked of 增加值, only 营业收入's share given: 高技术制造业增加值占比多少", async () => {
    const answer = await ask("高技术制造业增加值占比多少");
    expect(answer.status).toBe("not_found");
    expect(answer.text).not.toMatch(/^2023年全省高技术制造业营业收入占规上工业比重22\.3%\[1\]/u);
  });
});

describe("answerable controls phrased as people type", () => {
  it.each([
    ["规上工业增加值涨了多少", /^全省规模以上工业增加值同比增长6\.2%\[1\]/u],
    ["绿色低碳优势产业增加值增长多少", /^绿色低碳优势产业增加值同比增长11\.0%\[1\]/u],
    ["国家级制造业创新中心有几个", /^打造出1个国家制造业创新中心\[1\]/u],
    ["省级制造业创新中心有几个", /^建成13个省级制造业创新中心\[1\]/u],
    ["营收占规上比重多少", /^2023年全省高技术制造业营业收入占规上工业比重22\.3%\[1\]/u],
    ["2023年高技术制造业营业收入占比提升了多少个百分点？", /^提升1\.8个百分点\[1\]/u],
    ["2023年单位增加值能耗下降多少", /^2023年再下降3\.4%\[1\]/u],
    ["四川智慧医疗居全国第几位？", /^智慧医疗居全国第4位\[1\]/u],
    ["下一步四川将推进多少项改革事项？", /14项改革事项\[1\]/u],
  ])("%s leads with the right figure", async (question, lead) => {
    const answer = await answered(question);
    expect(answer.text).toMatch(lead);
  });
});
