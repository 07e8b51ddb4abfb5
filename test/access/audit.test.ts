import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Answer } from "../../src/answer/types.js";
import { createAuditLog, formatAuditStats } from "../../src/audit/index.js";

const answer: Answer = {
  status: "answered",
  mode: "extractive",
  text: "增长6.2%[1]",
  citations: [{ n: 1, documentId: "d", documentTitle: "四川工业报告", paragraph: 1, chunkId: "d#1", quote: "同比增长6.2%", verified: true, start: 1, end: 8 }],
  timings: { retrieveMs: 1, answerMs: 1 },
  question: "增长多少？",
  retrieved: [{ chunkId: "d#1", score: 0.9 }],
};

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), "access-audit-"));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

describe("the audit log and access", () => {
  it("names the collections each answer could see", () => {
    const log = createAuditLog({ dataDir });
    const id = log.recordAnswer({ chatId: -7001, userId: 1, answer, totalMs: 5, collections: ["finance", "main"] });
    expect(log.getAnswer(id)!.collections).toEqual(["finance", "main"]);
    expect(JSON.parse(readFileSync(log.path, "utf8").trim()).collections).toEqual(["finance", "main"]);
  });

  it("counts refused questions and button presses, and by whom, across a restart", () => {
    const log = createAuditLog({ dataDir });
    log.recordRefusal({ chatId: 3003, userId: 3003, kind: "question" });
    log.recordRefusal({ chatId: 3003, userId: 3003, kind: "question" });
    log.recordRefusal({ chatId: 4004, userId: 4004, kind: "button" });
    const stats = createAuditLog({ dataDir }).stats();
    expect(stats.refused).toEqual({ questions: 2, buttons: 1, byUser: [{ userId: 3003, count: 2 }, { userId: 4004, count: 1 }] });
    expect(stats.questions).toBe(0);
    expect(formatAuditStats(stats)).toContain("refused (on no allow-list) 2 questions, 1 button presses · by user 3003 ×2, user 4004 ×1");
  });
});
