import { describe, expect, it } from "vitest";
import { embedInBatches } from "../../src/embed/embed-in-batches.js";

describe("embedInBatches", () => {
  it("calls the embedder once per batch, in order, and reports progress after each", async () => {
    const batches: string[][] = [];
    const progress: Array<[number, number]> = [];
    const vectors = await embedInBatches({
      texts: ["a", "b", "c", "d", "e"],
      batchSize: 2,
      embedBatch: async (batch) => {
        batches.push(batch);
        return batch.map((text) => [text.charCodeAt(0)]);
      },
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(batches).toEqual([["a", "b"], ["c", "d"], ["e"]]);
    expect(vectors).toEqual([[97], [98], [99], [100], [101]]);
    expect(progress).toEqual([
      [2, 5],
      [4, 5],
      [5, 5],
    ]);
  });

  it("returns no vectors and makes no calls for no texts", async () => {
    let calls = 0;
    const vectors = await embedInBatches({ texts: [], batchSize: 4, embedBatch: () => (calls++, []) });
    expect(vectors).toEqual([]);
    expect(calls).toBe(0);
  });

  it("throws when the embedder returns the wrong number of vectors", async () => {
    await expect(embedInBatches({ texts: ["a", "b"], batchSize: 2, embedBatch: () => [[1]] })).rejects.toThrow(
      "returned 1 vectors for a batch of 2 texts",
    );
  });
});
