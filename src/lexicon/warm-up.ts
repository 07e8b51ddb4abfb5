/**
 * Loading the word resources takes a few seconds of CPU (jieba's dictionary ~0.3 s, its IDF table,
 * CC-CEDICT ~1–2 s, the gloss index of word relatedness): without a warm-up the first question
 * pays for all of it. The services warm them when they start, in the background, one resource per
 * turn of the event loop, so start-up is not delayed and nothing else waits longer than one step.
 */
import { bilingualDictionary } from "./bilingual-dictionary.js";
import { generalIdf } from "./general-idf.js";
import { segmentWords } from "./jieba.js";
import { wordRelatedness } from "./word-relatedness.js";
import { hasTraditional } from "../text/simplified.js";

const STEPS: ReadonlyArray<() => unknown> = [
  () => segmentWords("预热"),
  () => generalIdf(),
  () => bilingualDictionary(),
  () => wordRelatedness().related("增长"),
  // The Traditional → Simplified table every question is folded with (~0.1 s).
  () => hasTraditional("預熱"),
];

/** Loads every word resource now (each is loaded once per process; later calls cost nothing). */
export function warmWordKnowledge(): void {
  for (const step of STEPS) step();
}

/**
 * Loads every word resource in the background, one per event-loop turn; `onError` hears a
 * resource that fails to load (the first question would then report it). Returns a function
 * that stops the remaining steps (call it on shutdown). The pending steps never keep the
 * process alive.
 */
export function warmWordKnowledgeInBackground(options: { onDone?: (milliseconds: number) => void; onError?: (error: unknown) => void } = {}): () => void {
  let stopped = false;
  let index = 0;
  const started = performance.now();
  const next = () => {
    if (stopped) return;
    const step = STEPS[index];
    if (!step) {
      options.onDone?.(performance.now() - started);
      return;
    }
    index += 1;
    try {
      step();
    } catch (error) {
      options.onError?.(error);
      return;
    }
    setImmediate(next).unref();
  };
  setImmediate(next).unref();
  return () => {
    stopped = true;
  };
}
