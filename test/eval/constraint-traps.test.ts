import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import type { Answer } from "../../src/answer/types.js";
import { loadTrapItems, scoreTraps, type TrapItem } from "../../src/eval/constraint-traps.js";

const answer = (status: Answer["status"], text: string, extra: Partial<Answer> = {}): Answer => ({
  status, mode: "extractive", text, citations: [], timings: { retrieveMs: 0, answerMs: 0 }, question: "", retrieved: [], ...extra,
});

describe("the constraint trap development set", () => {
  it("holds 30 traps of every kind and 30 answerable controls", async () => {
    const items = await loadTrapItems(resolve(import.meta.dirname, "constraint-traps.json"));
    expect(items.filter((item) => item.kind === "trap")).toHaveLength(30);
    expect(items.filter((item) => item.kind === "control")).toHaveLength(30);
    const kinds = new Set(items.flatMap((item) => (item.kind === "trap" ? [item.trapKind] : [])));
    expect([...kinds].sort()).toEqual(["indicator", "level", "modality", "period", "place", "sibling", "sub-item"]);
  });

  it("rejects a file that is not a trap file, naming it", async () => {
    await expect(loadTrapItems(resolve(import.meta.dirname, "gold.json"))).rejects.toThrow(/gold\.json: not a trap file/u);
  });
});

describe("scoreTraps", () => {
  const items: TrapItem[] = [
    { id: "t1", question: "2023年六大优势产业增加值增长多少", kind: "trap", trapKind: "period", trapFigure: "6.6%" },
    { id: "t2", question: "全国规上工业增加值增长多少", kind: "trap", trapKind: "place", trapFigure: "6.2%" },
    { id: "c1", question: "省级企业技术中心有多少家", kind: "control", figure: "1387家" },
    { id: "c2", question: "国家技术创新示范企业有几个", kind: "control", figure: "36个" },
  ];

  it("counts a trap answered with its trap figure, a plainly different decline, a control led with its figure and a decline showing the answer", () => {
    const report = scoreTraps(items, [
      answer("answered", "六大优势产业增加值同比增长6.6%[1]。"),
      answer("not_found", "报告给出的是四川全省的数据，没有全国的：“…6.2%”", { instead: "报告给出的是四川全省的数据，没有全国的：“…6.2%”" }),
      answer("answered", "省级企业技术中心达1387家[1]。"),
      answer("not_found", "报告中没有找到这个问题的答案。", { closest: [{ documentTitle: "r", paragraph: 4, chunkId: "c", text: "培育国家技术创新示范企业36个" }] }),
    ]);
    expect(report.answeredWithTrapFigure).toHaveLength(1);
    expect(report.declinedOrDifferent).toBe(1);
    expect(report.plainlyDifferent).toBe(1);
    expect(report.ledWithRightFigure).toBe(1);
    expect(report.controlDeclinesShowingAnswer).toBe(1);
  });

  it("does not count a control whose figure appears only after its lead clause", () => {
    const report = scoreTraps(items.slice(2, 3), [answer("answered", "建成13个省级制造业创新中心[1]。省级企业技术中心达1387家[2]。")]);
    expect(report.ledWithRightFigure).toBe(0);
  });
});
