import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { balancedPrecision, defaultCmrcPath, formatCmrcReport, parseCmrc, runCmrcEval, sampleQuestions, type CmrcReport } from "../../src/eval/cmrc.js";
import { isHeldOut } from "../../src/eval/cmrc-dataset.js";
import { answer, citation, scriptedServices } from "./fixtures/scripted-services.js";

const DATASET = {
  version: "v1.0",
  data: [
    {
      id: "A1",
      title: "泡泡战士",
      paragraphs: [
        {
          id: "TRIAL_1",
          context: "若游戏中离，则4分钟内不得进行配对。生命数耗完即算为踢爆。",
          qas: [
            { id: "TRIAL_1_QUERY_0", question: "若游戏中离，多少分钟内不得配对？", answers: [{ text: "4分钟", answer_start: 7 }] },
            { id: "TRIAL_1_QUERY_1", question: "生命数耗完算什么？", answers: [{ text: "踢爆", answer_start: 25 }] },
          ],
        },
      ],
    },
    {
      id: "A2",
      title: "其他",
      paragraphs: [
        {
          id: "TRIAL_2",
          context: "成都是四川省会。",
          qas: [{ id: "TRIAL_2_QUERY_0", question: "四川省会是哪里？", answers: [{ text: "成都", answer_start: 0 }] }],
        },
      ],
    },
  ],
};

const folders: string[] = [];
afterAll(async () => {
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
});

async function writeDataset(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), "cmrc-test-"));
  folders.push(folder);
  const path = join(folder, "cmrc2018_trial.json");
  await writeFile(path, JSON.stringify(DATASET), "utf8");
  return path;
}

describe("parseCmrc and sampleQuestions", () => {
  it("reads SQuAD-format passages with their questions and answer spans", () => {
    const passages = parseCmrc(DATASET);
    expect(passages.map((passage) => passage.id)).toEqual(["TRIAL_1", "TRIAL_2"]);
    expect(passages[0]?.questions[1]).toEqual({ id: "TRIAL_1_QUERY_1", passageId: "TRIAL_1", question: "生命数耗完算什么？", answers: ["踢爆"] });
    expect(passages.map((passage) => passage.articleIndex)).toEqual([0, 1]);
  });

  it("samples questions evenly and deterministically", () => {
    const passages = parseCmrc(DATASET);
    expect(sampleQuestions(passages).map((question) => question.id)).toHaveLength(3);
    expect(sampleQuestions(passages, 2).map((question) => question.id)).toEqual(["TRIAL_1_QUERY_0", "TRIAL_1_QUERY_1"]);
    expect(sampleQuestions(passages, 1).map((question) => question.id)).toEqual(["TRIAL_1_QUERY_0"]);
  });

  it("resolves the default dataset path next to the repository", () => {
    expect(defaultCmrcPath("/work/main")).toBe("/work/shared/datasets/cmrc2018/cmrc2018_trial.json");
  });
});

describe("runCmrcEval", () => {
  it("skips with one line when the dataset is absent", async () => {
    const result = await runCmrcEval({
      datasetPath: "/nonexistent/cmrc2018_trial.json",
      createTarget: () => Promise.reject(new Error("must not build")),
    });
    expect(result).toEqual({ skipped: true, message: "CMRC 2018: skipped (/nonexistent/cmrc2018_trial.json not found)" });
  });

  it("indexes one file per passage, then scores retrieval by document title and quotes by answer span", async () => {
    let knowledgeDir = "";
    let files: Record<string, string> = {};
    let closed = false;
    const services = scriptedServices({
      // Right passage first, quote holds the span.
      "若游戏中离，多少分钟内不得配对？": answer({
        status: "answered",
        citations: [{ ...citation(1, "TRIAL.1#0", "若游戏中离，则4分钟内不得进行配对。"), documentTitle: "TRIAL.1" }],
        retrieved: [{ chunkId: "TRIAL.1#0", score: 1 }],
        timings: { retrieveMs: 1, answerMs: 1 },
      }),
      // Right passage second, quote misses the span.
      "生命数耗完算什么？": answer({
        status: "answered",
        citations: [{ ...citation(1, "TRIAL.1#0", "若游戏中离，则4分钟内不得进行配对。"), documentTitle: "TRIAL.1" }],
        retrieved: [{ chunkId: "TRIAL.2#0", score: 1 }, { chunkId: "TRIAL.1#0", score: 0.5 }],
        timings: { retrieveMs: 2, answerMs: 2 },
      }),
      // Not found, and the passage is not retrieved at all.
      "四川省会是哪里？": answer({ status: "not_found", retrieved: [{ chunkId: "TRIAL.1#0", score: 0.1 }], timings: { retrieveMs: 3, answerMs: 3 } }),
    });
    const result = await runCmrcEval({
      datasetPath: await writeDataset(),
      heldOutEvery: 0,
      createTarget: async (folder) => {
        knowledgeDir = folder;
        files = {
          "TRIAL.1.txt": readFileSync(join(folder, "TRIAL.1.txt"), "utf8"),
          "TRIAL.2.txt": readFileSync(join(folder, "TRIAL.2.txt"), "utf8"),
        };
        return {
          services,
          getChunkDocumentTitle: (chunkId) => chunkId.split("#")[0],
          close: async () => {
            closed = true;
          },
        };
      },
    });
    expect(files["TRIAL.2.txt"]).toBe("成都是四川省会。\n");
    expect("skipped" in result).toBe(false);
    const report = result as CmrcReport;
    expect(report).toMatchObject({ passages: 2, indexedPassages: 2, questions: 3, answerableQuestions: 3, hitAt1: 1 / 3, hitAt5: 2 / 3, mrr: 0.5 });
    expect(report.answered).toEqual({ count: 2, total: 3, rate: 2 / 3 });
    expect(report.docHit).toEqual({ count: 2, total: 3, rate: 2 / 3 });
    expect(report.spanHit).toEqual({ count: 1, total: 3, rate: 1 / 3 });
    expect(Number.isNaN(report.notFoundPrecisionBalanced)).toBe(true);
    expect(report.latencyMs.p50).toBe(4);
    expect(closed).toBe(true);
    expect(existsSync(knowledgeDir)).toBe(false);
    expect(formatCmrcReport(report)).toContain("retrieval (answerable) hit@1 0.333  hit@5 0.667  MRR 0.500");
  });

  it("leaves every Nth article out of the index and counts its questions as unanswerable", async () => {
    let indexed: string[] = [];
    const services = scriptedServices({
      "若游戏中离，多少分钟内不得配对？": answer({ status: "answered", citations: [{ ...citation(1, "TRIAL.1#0", "若游戏中离，则4分钟内不得进行配对。"), documentTitle: "TRIAL.1" }] }),
      "生命数耗完算什么？": answer({ status: "not_found" }),
      // The held-out article's question: declining it is right.
      "四川省会是哪里？": answer({ status: "not_found" }),
    });
    const result = (await runCmrcEval({
      datasetPath: await writeDataset(),
      heldOutEvery: 2,
      createTarget: async (folder) => {
        indexed = readdirSync(folder).sort();
        return { services, getChunkDocumentTitle: (chunkId) => chunkId.split("#")[0] };
      },
    })) as CmrcReport;
    expect(indexed).toEqual(["TRIAL.1.txt"]);
    expect(result).toMatchObject({ indexedPassages: 1, answerableQuestions: 2, unanswerableQuestions: 1 });
    expect(result.notFoundRecall).toEqual({ count: 1, total: 1, rate: 1 });
    expect(result.declinedAnswerable).toEqual({ count: 1, total: 2, rate: 0.5 });
    expect(result.notFoundPrecisionBalanced).toBeCloseTo(1 / 1.5);
    expect(formatCmrcReport(result)).toContain("every 2th article held out");
  });
});

describe("the held-out protocol's arithmetic", () => {
  it("holds out the 6th, 12th… article by default, and rotates with an offset", () => {
    expect([...Array(12).keys()].filter((index) => isHeldOut(index, 6))).toEqual([5, 11]);
    expect([...Array(12).keys()].filter((index) => isHeldOut(index, 6, 1))).toEqual([4, 10]);
    expect([...Array(12).keys()].filter((index) => isHeldOut(index, 0))).toEqual([]);
  });

  it("weights both kinds equally in not-found precision", () => {
    expect(balancedPrecision(0.9, 0.1)).toBeCloseTo(0.9);
    expect(balancedPrecision(0.85, 0.05)).toBeCloseTo(0.85 / 0.9);
    expect(Number.isNaN(balancedPrecision(0, 0))).toBe(true);
  });
});
