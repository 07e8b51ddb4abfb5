import { describe, expect, it } from "vitest";
import { toKeywordDocument, toKeywordQuery } from "../../src/store/keyword-text.js";

describe("keyword text for FTS5", () => {
  it("stores a chunk as its space-separated search tokens, figures whole", () => {
    expect(toKeywordDocument("同比增长6.2%")).toBe("6.2% 同比 比增 增长");
  });

  it("ORs each distinct query token once, as a quoted phrase", () => {
    expect(toKeywordQuery("增长6.2%，增长")).toBe('"6.2%" OR "增长"');
  });

  it("returns undefined for a query with no searchable token", () => {
    expect(toKeywordQuery("")).toBeUndefined();
    expect(toKeywordQuery("？！")).toBeUndefined();
    expect(toKeywordQuery("的")).toBeUndefined();
  });

  it("neutralises FTS5 syntax in the query", () => {
    expect(toKeywordQuery('NEAR(a b) "x" OR -y*')).toBe('"near" OR "b" OR "x" OR "y"');
  });
});
