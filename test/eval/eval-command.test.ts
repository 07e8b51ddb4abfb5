import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Config } from "../../src/config.js";
import { parseEvalArgs } from "../../src/eval/eval-args.js";
import { runEvalCommand, type EvalServices } from "../../src/eval/eval-command.js";
import type { EvalReport } from "../../src/eval/run-eval.js";
import type { KnowledgeIndex } from "../../src/store/types.js";
import { answer, CHUNKS, citation, DOCUMENT_ID, DOCUMENT_TEXT } from "./fixtures/scripted-services.js";

const GOLD = [
  { id: "g1", question: "上半年工业增加值增长多少？", lang: "zh", kind: "figure", answerable: true, evidence: ["同比增长6.2%"], expected: ["6.2%"], sharesWording: true },
  { id: "g2", question: "四川GDP是多少？", lang: "zh", kind: "unanswerable", answerable: false, evidence: [], expected: [], sharesWording: false },
];

const folders: string[] = [];
afterAll(async () => {
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
});

async function workspace(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), "eval-command-test-"));
  folders.push(folder);
  await writeFile(join(folder, "gold.json"), JSON.stringify(GOLD), "utf8");
  return folder;
}

/** Services over the fixture document; the answer to g1 is right, g2 is not found. */
function fakeServices(configs: Config[]): (config: Config) => Promise<EvalServices> {
  const index = {
    manifest: { embedder: { id: "fake-embedder" }, counts: { chunks: 3 } },
    getChunks: (ids: string[]) => ids.flatMap((id) => (CHUNKS[id] ? [{ id, text: CHUNKS[id], documentTitle: "report" }] : [])),
    getDocumentText: (documentId: string) => (documentId === DOCUMENT_ID ? DOCUMENT_TEXT : undefined),
  } as unknown as KnowledgeIndex;
  return async (config) => {
    configs.push(config);
    return {
      index: () => index,
      close: async () => {},
      ask: async (question) =>
        question.includes("增长")
          ? answer({
              status: "answered",
              question,
              text: "同比增长6.2%[1]",
              citations: [citation(1, "c-growth", "全省规模以上工业增加值同比增长6.2%")],
              retrieved: [{ chunkId: "c-growth", score: 1 }],
            })
          : answer({ status: "not_found", question }),
    };
  };
}

describe("runEvalCommand", () => {
  it("evaluates in a temporary DATA_DIR with overrides, prints the table and saves the results", async () => {
    const root = await workspace();
    const configs: Config[] = [];
    const output: string[] = [];
    const code = await runEvalCommand(
      parseEvalArgs(["--gold", "gold.json", "--chunk-size", "160", "--cmrc-path", "missing.json"]),
      {
        repoRoot: root,
        env: { DATA_DIR: "./data" },
        createServices: fakeServices(configs),
        print: (text) => output.push(text),
        now: () => new Date("2025-01-02T03:04:05.678Z"),
      },
    );
    expect(code).toBe(0);
    expect(configs[0]?.chunkTargetChars).toBe(160);
    expect(configs[0]?.dataDir).not.toBe("./data");
    expect(existsSync(configs[0]?.dataDir ?? "")).toBe(false);
    const text = output.join("\n");
    expect(text).toContain("Gold eval: 2 questions (1 answerable, 1 unanswerable)");
    expect(text).toContain(`CMRC 2018: skipped (${join(root, "missing.json")} not found)`);
    const saved = JSON.parse(readFileSync(join(root, "eval-results", "2025-01-02T03-04-05-678Z.json"), "utf8")) as EvalReport;
    expect(saved.accuracy.answerable).toEqual({ count: 1, total: 1, rate: 1 });
    expect(saved.notFound).toMatchObject({ precision: 1, recall: 1 });
    expect(saved.settings).toMatchObject({ chunkTargetChars: 160, embedder: "fake-embedder", chunks: 3 });
    expect(readFileSync(join(root, "eval-results", "latest.json"), "utf8")).toBe(
      readFileSync(join(root, "eval-results", "2025-01-02T03-04-05-678Z.json"), "utf8"),
    );
  });

  it("compares the headline metrics of two saved runs", async () => {
    const root = await workspace();
    const run = (stamp: string) =>
      runEvalCommand(parseEvalArgs(["--gold", "gold.json", "--no-cmrc"]), {
        repoRoot: root,
        env: {},
        createServices: fakeServices([]),
        print: () => {},
        now: () => new Date(stamp),
      });
    await run("2025-01-01T00:00:00.000Z");
    await run("2025-01-02T00:00:00.000Z");
    const output: string[] = [];
    const a = join(root, "eval-results", "2025-01-01T00-00-00-000Z.json");
    const b = join(root, "eval-results", "2025-01-02T00-00-00-000Z.json");
    await runEvalCommand(parseEvalArgs(["--compare", a, b]), { repoRoot: root, env: {}, createServices: fakeServices([]), print: (text) => output.push(text) });
    expect(output.join("\n")).toMatch(/answer accuracy \(answerable zh\)\s+1\.000\s+1\.000\s+\+0\.000/u);
  });

  it("runs one fresh index per swept value and prints one row each", async () => {
    const root = await workspace();
    const configs: Config[] = [];
    const output: string[] = [];
    await runEvalCommand(parseEvalArgs(["--gold", "gold.json", "--sweep-chunk-size", "120,300"]), {
      repoRoot: root,
      env: {},
      createServices: fakeServices(configs),
      print: (text) => output.push(text),
    });
    expect(configs.map((config) => config.chunkTargetChars)).toEqual([120, 300]);
    expect(new Set(configs.map((config) => config.dataDir)).size).toBe(2);
    const lines = output.join("\n").split("\n");
    expect(lines[0]).toMatch(/^setting\s+chunks\s+hit1\s+hit5/u);
    expect(lines[1]).toMatch(/^CHUNK_TARGET_CHARS=120\s+3\s+1\.000/u);
    expect(lines[2]).toMatch(/^CHUNK_TARGET_CHARS=300\s+3\s+1\.000/u);
  });
});
