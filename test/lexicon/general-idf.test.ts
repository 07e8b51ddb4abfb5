import { describe, expect, it } from "vitest";
import { generalIdf, parseIdfTable } from "../../src/lexicon/general-idf.js";

describe("general IDF", () => {
  it("parses jieba's word-and-value lines and gives unknown words the median", () => {
    const table = parseIdfTable("的 0.9\n广东 6.2\n达到 4.6\n\nbad line\n");
    expect(table.of("广东")).toBe(6.2);
    expect(table.of("未知词")).toBe(4.6);
    expect(table.has("未知词")).toBe(false);
  });

  it("ranks a place above a phrasing verb and a particle in the shipped table", () => {
    const idf = generalIdf();
    expect(idf.of("广东")).toBeGreaterThan(idf.of("达到"));
    expect(idf.of("达到")).toBeGreaterThan(idf.of("的"));
  });
});
