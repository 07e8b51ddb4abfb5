import { describe, expect, it } from "vitest";
import { expandQuery } from "../../src/retrieve/query-expansion.js";

describe("expandQuery", () => {
  it("appends the Chinese translations of an English question's words", () => {
    const expanded = expandQuery("How many drone products does Sichuan make?");
    expect(expanded.startsWith("How many drone products does Sichuan make?")).toBe(true);
    expect(expanded).toContain("无人机");
    expect(expanded).toContain("四川");
  });

  it("returns a Chinese question unchanged", () => {
    expect(expandQuery("四川无人机产品有多少种？")).toBe("四川无人机产品有多少种？");
  });
});
