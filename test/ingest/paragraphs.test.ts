import { describe, expect, it } from "vitest";
import { splitParagraphs } from "../../src/ingest/paragraphs.js";

describe("splitParagraphs", () => {
  it("numbers one paragraph per line from 1 with offsets into the text", () => {
    expect(splitParagraphs("甲。\n乙乙。\n丙")).toEqual([
      { number: 1, start: 0, end: 2 },
      { number: 2, start: 3, end: 6 },
      { number: 3, start: 7, end: 8 },
    ]);
  });

  it("returns nothing for empty text", () => {
    expect(splitParagraphs("")).toEqual([]);
  });
});
