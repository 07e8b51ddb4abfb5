// Builds large Chinese corpora for benchmarks from CMRC 2018 sentences when ../shared/datasets
// is present, else from the report's own sentences. Benchmarks only: tests never depend on it.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = resolve(fileURLToPath(new URL("../..", import.meta.url)));
// CMRC_PATH overrides the location (e.g. from a git worktree, where ../shared is elsewhere).
export const CMRC_PATH = process.env.CMRC_PATH ?? resolve(repoRoot, "../shared/datasets/cmrc2018/cmrc2018_trial.json");
export const REPORT_PATH = join(repoRoot, "knowledge/sichuan-industry-report.txt");

/** Returns source paragraphs: CMRC contexts if available, else the cleaned report's paragraphs. */
export function sourceParagraphs(): { paragraphs: string[]; source: string } {
  if (existsSync(CMRC_PATH)) {
    const data = JSON.parse(readFileSync(CMRC_PATH, "utf8")) as { data: Array<{ paragraphs: Array<{ context: string }> }> };
    return { paragraphs: data.data.flatMap((article) => article.paragraphs.map((p) => p.context)), source: "CMRC 2018 trial passages" };
  }
  const report = readFileSync(REPORT_PATH, "utf8").replace(/[■★◆]/gu, "");
  return { paragraphs: report.split("\n").filter(Boolean), source: "the shipped report's paragraphs" };
}

/** Deterministic pseudo-random numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * Returns a generator of "real-ish" paragraphs: random runs of sentences drawn from all source
 * passages (CMRC when present), 120-400 characters each. Unlike shuffles of one passage, two
 * paragraphs rarely share more than one sentence, so nearest neighbours are not near-duplicates
 * (which would turn recall@10 into a measure of tie-breaking).
 */
export function paragraphGenerator(seed: number): () => string {
  const sentences = sourceParagraphs().paragraphs.flatMap((p) => p.split(/(?<=[。！？])/u)).filter((s) => s.trim() !== "");
  const random = seededRandom(seed);
  return () => {
    const length = 120 + Math.floor(random() * 280);
    let text = "";
    while (text.length < length) text += sentences[Math.floor(random() * sentences.length)]!;
    return text;
  };
}

/** Writes documents of 20 generated paragraphs into `dir` until `targetChars` characters are written. */
export function writeSyntheticCorpus(dir: string, targetChars: number): { documents: number; source: string } {
  mkdirSync(dir, { recursive: true });
  const paragraph = paragraphGenerator(42);
  let chars = 0;
  let documents = 0;
  while (chars < targetChars) {
    const paragraphs = Array.from({ length: 20 }, paragraph);
    chars += paragraphs.reduce((sum, text) => sum + text.length, 0);
    writeFileSync(join(dir, `doc-${String(++documents).padStart(5, "0")}.txt`), paragraphs.join("\n\n"));
  }
  return { documents, source: sourceParagraphs().source };
}
