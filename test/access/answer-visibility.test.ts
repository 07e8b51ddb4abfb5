import { describe, expect, it } from "vitest";
import type { KnowledgeServices } from "../../src/app/services.js";
import type { AuditEntry } from "../../src/audit/types.js";
import { answerVisible, citationVisible } from "../../src/bot/answer-visibility.js";

const entry = (collections: AuditEntry["collections"], chunkIds: string[]): AuditEntry => ({
  type: "answer", id: "a1", time: "2026-01-01T00:00:00Z", chatId: -7001, userId: 1, question: "q", status: "answered", mode: "extractive",
  model: undefined, retrieved: [], verificationErrors: [], latency: { retrieveMs: 0, answerMs: 0, totalMs: 0 }, feedback: [], collections,
  citations: chunkIds.map((chunkId, index) => ({ n: index + 1, documentTitle: "t", paragraph: 1, chunkId, quote: "q", verified: true })),
});

/** Services that know the passages of `present` (chunk id → collection) and nothing else. */
const servicesWith = (present: Record<string, string>) => ({
  services: {
    getPassage: (chunkId: string) =>
      present[chunkId] === undefined ? undefined : { chunk: { id: chunkId } as never, documentText: "", collection: present[chunkId]! },
  } as unknown as KnowledgeServices,
});

describe("what a button may show where it is pressed", () => {
  it("a passage, when its document's collection is granted in that chat", () => {
    const deps = servicesWith({ "memo#1": "finance" });
    expect(citationVisible(deps, entry(["finance", "main"], ["memo#1"]), "memo#1", new Set(["main", "finance"]))).toBe(true);
    expect(citationVisible(deps, entry(["finance", "main"], ["memo#1"]), "memo#1", new Set(["main"]))).toBe(false);
  });
  it("the quote of a passage no longer indexed, only when everything the answer could see is granted", () => {
    const deps = servicesWith({});
    expect(citationVisible(deps, entry(["finance", "main"], ["memo#1"]), "memo#1", new Set(["main"]))).toBe(false);
    expect(citationVisible(deps, entry(["main"], ["report#1"]), "report#1", new Set(["main"]))).toBe(true);
    expect(citationVisible(deps, entry(undefined, ["report#1"]), "report#1", new Set(["main"]))).toBe(false);
  });
  it("👍/👎, only when every cited document is granted", () => {
    const deps = servicesWith({ "memo#1": "finance", "report#1": "main" });
    expect(answerVisible(deps, entry(["finance", "main"], ["report#1", "memo#1"]), new Set(["main"]))).toBe(false);
    expect(answerVisible(deps, entry(["finance", "main"], ["report#1"]), new Set(["main"]))).toBe(true);
    expect(answerVisible(deps, entry(["finance", "main"], []), new Set(["main"]))).toBe(false);
  });
});
