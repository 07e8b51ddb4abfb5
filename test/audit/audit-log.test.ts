import { appendFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Answer } from "../../src/answer/types.js";
import { createAuditLog, parseAuditArgs, runAuditCommand } from "../../src/audit/index.js";

const answer = (overrides: Partial<Answer> = {}): Answer => ({
  status: "answered",
  mode: "llm",
  model: "gpt-test",
  text: "增长6.2%[1]",
  citations: [
    { n: 1, documentId: "d", documentTitle: "四川工业报告", paragraph: 1, chunkId: "d#1", quote: "全省规模以上工业增加值同比增长6.2%", verified: true, start: 10, end: 28 },
    { n: 2, documentId: "d", documentTitle: "四川工业报告", paragraph: 2, chunkId: "d#2", quote: "编造的句子", verified: false },
  ],
  timings: { retrieveMs: 12, answerMs: 340 },
  question: "上半年工业增加值增长多少？",
  retrieved: [{ chunkId: "d#1", score: 0.91 }, { chunkId: "d#2", score: 0.5 }],
  verificationErrors: ["[2] quote not found in passage 2"],
  ...overrides,
});

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), "audit-"));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

describe("audit log", () => {
  it("appends one JSON line per answer with question, retrieval, citations, verification, mode, model and latencies", () => {
    const log = createAuditLog({ dataDir });
    const id = log.recordAnswer({ chatId: 7, userId: 8, answer: answer(), totalMs: 400 });
    const lines = readFileSync(path.join(dataDir, "audit.jsonl"), "utf8").trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      type: "answer",
      id,
      chatId: 7,
      userId: 8,
      question: "上半年工业增加值增长多少？",
      status: "answered",
      mode: "llm",
      model: "gpt-test",
      retrieved: [{ chunkId: "d#1", score: 0.91 }, { chunkId: "d#2", score: 0.5 }],
      citations: [expect.objectContaining({ n: 1, verified: true }), expect.objectContaining({ n: 2, verified: false })],
      verificationErrors: ["[2] quote not found in passage 2"],
      latency: { retrieveMs: 12, answerMs: 340, totalMs: 400 },
    });
    expect(id).toMatch(/^[A-Za-z0-9_-]{10}$/);
  });

  it("merges feedback into readRecent (latest rating per user) and survives a reopen", () => {
    const log = createAuditLog({ dataDir });
    const id = log.recordAnswer({ chatId: 7, userId: 8, answer: answer(), totalMs: 400 });
    expect(log.recordFeedback(id, "down", 8)).toBe(true);
    expect(log.recordFeedback(id, "up", 8)).toBe(true);
    expect(log.recordFeedback(id, "up", 9)).toBe(true);
    expect(log.recordFeedback("unknown-id", "up", 9)).toBe(false);
    const reopened = createAuditLog({ dataDir });
    expect(reopened.readRecent(5)[0]!.feedback.map((item) => [item.userId, item.rating])).toEqual([[8, "up"], [9, "up"]]);
  });

  it("tolerates a truncated last line and starts the next record on a new line", () => {
    const log = createAuditLog({ dataDir });
    log.recordAnswer({ chatId: 1, userId: 1, answer: answer(), totalMs: 100 });
    appendFileSync(path.join(dataDir, "audit.jsonl"), '{"type":"answer","id":"brok');
    const reopened = createAuditLog({ dataDir });
    expect(reopened.readRecent(10)).toHaveLength(1);
    reopened.recordAnswer({ chatId: 2, userId: 2, answer: answer(), totalMs: 200 });
    expect(createAuditLog({ dataDir }).readRecent(10).map((entry) => entry.chatId)).toEqual([1, 2]);
  });

  it("computes stats: counts, not-found rate, verification failures, latency p50/p99, feedback", () => {
    const log = createAuditLog({ dataDir });
    const ids = [100, 200, 300, 400].map((totalMs, index) =>
      log.recordAnswer({
        chatId: 1,
        userId: 1,
        totalMs,
        answer: index === 3 ? answer({ status: "not_found", citations: [], verificationErrors: [] }) : index === 2 ? answer({ verificationErrors: [], citations: [] }) : answer(),
      }),
    );
    log.recordFeedback(ids[0]!, "up", 5);
    log.recordFeedback(ids[1]!, "down", 5);
    expect(log.stats()).toEqual({
      questions: 4,
      answered: 3,
      notFound: 1,
      failed: 0,
      notFoundRate: 0.25,
      verificationFailures: 2,
      unverifiedCitations: 2,
      latencyMs: { p50: 250, p99: 397 }, // interpolated percentiles, as in the eval and benchmarks
      feedback: { up: 1, down: 1 },
    });
  });
});

describe("npm run audit", () => {
  it("prints the last N answers for review with ✓/✗ per citation", () => {
    const log = createAuditLog({ dataDir });
    log.recordAnswer({ chatId: 1, userId: 11, answer: answer({ question: "第一问" }), totalMs: 100 });
    log.recordAnswer({ chatId: 1, userId: 12, answer: answer({ question: "第二问" }), totalMs: 100 });
    const output = runAuditCommand({ ...parseAuditArgs(["--last", "1"]), dataDir });
    expect(output).not.toContain("第一问");
    expect(output).toContain("user 12");
    expect(output).toContain("Q: 第二问");
    expect(output).toContain("answered · llm (gpt-test) · 100 ms");
    expect(output).toContain("✓ [1] 四川工业报告 ¶1: 全省规模以上工业增加值同比增长6.2%");
    expect(output).toContain("✗ [2] 四川工业报告 ¶2: 编造的句子");
  });

  it("keeps a citation's page and machine-read mark in the record and prints them for review", () => {
    const log = createAuditLog({ dataDir });
    const paged = answer();
    paged.citations = [{ ...paged.citations[0]!, page: 3, machineRead: true }];
    log.recordAnswer({ chatId: 1, userId: 13, answer: paged, totalMs: 100 });
    expect(log.readRecent(1)[0]!.citations[0]).toMatchObject({ page: 3, machineRead: true });
    expect(runAuditCommand({ ...parseAuditArgs(["--last", "1"]), dataDir })).toContain("✓ [1] 四川工业报告 ¶1 p.3 (OCR): 全省规模以上工业增加值同比增长6.2%");
  });

  it("prints JSON with --json", () => {
    const log = createAuditLog({ dataDir });
    log.recordAnswer({ chatId: 1, userId: 11, answer: answer(), totalMs: 100 });
    const parsed = JSON.parse(runAuditCommand({ ...parseAuditArgs(["--", "--last=5", "--json"]), dataDir })) as unknown[];
    expect(parsed).toEqual([expect.objectContaining({ userId: 11, feedback: [] })]);
  });

  it("shows the answer text the user was told under the question", () => {
    const log = createAuditLog({ dataDir });
    log.recordAnswer({ chatId: 1, userId: 11, answer: answer({ question: "第二问" }), totalMs: 100, deliveredText: "全省规模以上工业增加值同比增长6.2%。\n依据\n[1] ✅ 已核验" });
    const output = runAuditCommand({ ...parseAuditArgs([]), dataDir });
    expect(output).toContain("  Q: 第二问\n  A: 全省规模以上工业增加值同比增长6.2%。 依据 [1] ✅ 已核验");
    expect(log.readRecent(1)[0]!.text).toBe("全省规模以上工业增加值同比增长6.2%。\n依据\n[1] ✅ 已核验");
  });

  it("prints only the totals with --stats", () => {
    const log = createAuditLog({ dataDir });
    log.recordAnswer({ chatId: 1, userId: 11, answer: answer({ question: "第一问" }), totalMs: 100 });
    const output = runAuditCommand({ ...parseAuditArgs(["--stats"]), dataDir });
    expect(output).not.toContain("第一问");
    expect(output.split("\n")[0]).toBe("questions 1 · answered 1 · not found 0 (0.0%) · failed 0");
  });

  it("prints its usage with --help", () => {
    const output = runAuditCommand({ ...parseAuditArgs(["--help"]), dataDir });
    expect(output.split("\n")[0]).toBe("Usage: npm run audit -- [--last N] [--json] [--stats]");
    expect(output).toContain("--stats    the totals only");
  });

  it("says that only chat answers are recorded when there are none yet", () => {
    expect(runAuditCommand({ ...parseAuditArgs([]), dataDir })).toBe(
      "No answers recorded yet. Only answers given in Telegram chats are recorded (not those of `npm run ask` or the terminal chat).",
    );
  });

  it("rejects unknown arguments and bad numbers with one line", () => {
    expect(() => parseAuditArgs(["--last", "x"])).toThrow('--last needs a positive whole number, got "x"');
    expect(() => parseAuditArgs(["--verbose"])).toThrow(/Unknown argument "--verbose"/);
  });
});
