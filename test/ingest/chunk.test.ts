import { describe, expect, it } from "vitest";
import { chunkDocument, DEFAULT_CHUNK_OPTIONS } from "../../src/ingest/chunk.js";
import { splitParagraphs } from "../../src/ingest/paragraphs.js";
import type { CleanDocument } from "../../src/ingest/types.js";

function makeDocument(text: string): CleanDocument {
  return {
    id: "doc-1",
    title: "Doc",
    relativePath: "doc.txt",
    format: "txt",
    contentHash: "0",
    text,
    paragraphs: splitParagraphs(text),
    glyphsRemoved: 0,
  };
}

const paragraphOne = "第一句话在这里。第二句话在这里。第三句话在这里。第四句话在这里。";
const paragraphTwo = "另一段的第一句。另一段的第二句。";

describe("chunkDocument", () => {
  it("defaults to 220 characters and one sentence of overlap", () => {
    expect(DEFAULT_CHUNK_OPTIONS).toEqual({ targetChars: 220, overlapSentences: 1 });
  });

  it("groups sentences until the target is reached and overlaps by one sentence", () => {
    const chunks = chunkDocument(makeDocument(paragraphOne), { targetChars: 16, overlapSentences: 1 });
    expect(chunks.map((chunk) => chunk.text)).toEqual([
      "第一句话在这里。第二句话在这里。",
      "第二句话在这里。第三句话在这里。",
      "第三句话在这里。第四句话在这里。",
    ]);
  });

  it("does not overlap when overlapSentences is 0", () => {
    const chunks = chunkDocument(makeDocument(paragraphOne), { targetChars: 16, overlapSentences: 0 });
    expect(chunks.map((chunk) => chunk.text)).toEqual(["第一句话在这里。第二句话在这里。", "第三句话在这里。第四句话在这里。"]);
  });

  it("never lets a chunk span two paragraphs, nor overlap across them", () => {
    const chunks = chunkDocument(makeDocument(`${paragraphOne}\n${paragraphTwo}`), { targetChars: 1000 });
    expect(chunks.map((chunk) => [chunk.paragraph, chunk.text])).toEqual([
      [1, paragraphOne],
      [2, paragraphTwo],
    ]);
  });

  it("moves on when a single sentence already fills a chunk", () => {
    const chunks = chunkDocument(makeDocument("短句。短句二。短句三。"), { targetChars: 1, overlapSentences: 1 });
    expect(chunks.map((chunk) => chunk.text)).toEqual(["短句。", "短句二。", "短句三。"]);
  });

  it("records sentences whose offsets point into the canonical text", () => {
    const document = makeDocument(`${paragraphTwo}\n${paragraphOne}`);
    for (const chunk of chunkDocument(document, { targetChars: 16 })) {
      expect(chunk.text).toBe(document.text.slice(chunk.start, chunk.end));
      for (const sentence of chunk.sentences) expect(document.text.slice(sentence.start, sentence.end)).toBe(sentence.text);
    }
  });

  it("gives the same ids on a second run over the same text", () => {
    const document = makeDocument(`${paragraphOne}\n${paragraphTwo}`);
    const first = chunkDocument(document, { targetChars: 16 }).map((chunk) => chunk.id);
    const second = chunkDocument(makeDocument(document.text), { targetChars: 16 }).map((chunk) => chunk.id);
    expect(second).toEqual(first);
    expect(first.every((id) => /^[0-9a-f]{16}$/u.test(id))).toBe(true);
  });

  it("keeps the ids of an unchanged paragraph when another paragraph is edited", () => {
    const before = chunkDocument(makeDocument(`${paragraphTwo}\n${paragraphOne}`), { targetChars: 16 });
    const after = chunkDocument(makeDocument(`${paragraphTwo}新增一句。\n${paragraphOne}`), { targetChars: 16 });
    const idsOf = (chunks: typeof before, paragraph: number) => chunks.filter((c) => c.paragraph === paragraph).map((c) => c.id);
    expect(idsOf(after, 2)).toEqual(idsOf(before, 2));
    expect(idsOf(after, 1)).not.toEqual(idsOf(before, 1));
  });

  it("gives different ids to identical paragraphs in one document", () => {
    const chunks = chunkDocument(makeDocument(`${paragraphTwo}\n${paragraphTwo}`), { targetChars: 1000 });
    expect(chunks[0]!.id).not.toBe(chunks[1]!.id);
  });

  it("gives different ids to the same text in different documents", () => {
    const one = chunkDocument(makeDocument(paragraphTwo))[0]!;
    const other = chunkDocument({ ...makeDocument(paragraphTwo), id: "doc-2" })[0]!;
    expect(one.id).not.toBe(other.id);
  });

  it("rejects a non-positive target and a negative overlap", () => {
    expect(() => chunkDocument(makeDocument(paragraphOne), { targetChars: 0 })).toThrow(RangeError);
    expect(() => chunkDocument(makeDocument(paragraphOne), { overlapSentences: -1 })).toThrow(RangeError);
  });
});
