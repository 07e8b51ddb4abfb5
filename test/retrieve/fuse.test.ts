import { describe, expect, it } from "vitest";
import { fuseResults } from "../../src/retrieve/fuse.js";

describe("fuseResults", () => {
  const keyword = [
    { chunkId: "a", score: 12 },
    { chunkId: "b", score: 6 },
  ];
  const vector = [
    { chunkId: "b", score: 0.9 },
    { chunkId: "c", score: 0.5 },
  ];

  it("ranks a chunk found by both retrievers above chunks found by one (rrf)", () => {
    const fused = fuseResults({ keyword, vector }, { method: "rrf" });
    expect(fused.map((candidate) => candidate.chunkId)).toEqual(["b", "a", "c"]);
    expect(fused[0]!.ranks).toEqual({ keyword: 2, vector: 1 });
  });

  it("records each retriever's raw score", () => {
    const fused = fuseResults({ keyword, vector }, { method: "rrf" });
    expect(fused.find((candidate) => candidate.chunkId === "a")!.scores).toEqual({ keyword: 12 });
  });

  it("blends min-max normalised scores", () => {
    const fused = fuseResults({ keyword, vector }, { method: "blend" });
    // a: keyword 1.0; b: keyword 0 + vector 1.0; c: vector 0.
    expect(fused.map((candidate) => [candidate.chunkId, candidate.score])).toEqual([
      ["a", 1],
      ["b", 1],
      ["c", 0],
    ]);
  });

  it("returns nothing for empty lists", () => {
    expect(fuseResults({ keyword: [], vector: [] }, { method: "rrf" })).toEqual([]);
  });
});
