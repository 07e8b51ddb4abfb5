import { describe, expect, it } from "vitest";
import { warmWordKnowledge, warmWordKnowledgeInBackground } from "../../src/lexicon/warm-up.js";
import { wordRelatedness } from "../../src/lexicon/word-relatedness.js";

describe("warming the word resources", () => {
  it("loads them in the background, one step per event-loop turn, and says when it is done", async () => {
    const done = await new Promise<number>((resolve, reject) => {
      warmWordKnowledgeInBackground({ onDone: resolve, onError: reject });
    });
    expect(done).toBeGreaterThanOrEqual(0);
    expect(wordRelatedness().related("公司").length).toBeGreaterThan(0);
  });

  it("runs no further step once stopped", async () => {
    let finished = false;
    const stop = warmWordKnowledgeInBackground({ onDone: () => (finished = true) });
    stop();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(finished).toBe(false);
  });

  it("can also load everything at once (the eval does, before timing answers)", () => {
    expect(() => warmWordKnowledge()).not.toThrow();
  });
});
