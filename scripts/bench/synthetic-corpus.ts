// Builds large Chinese corpora for benchmarks: CMRC 2018 passages when ../shared/datasets is
// present (varied by seeded sentence shuffles so chunks are distinct), else the report's own
// sentences recombined. Benchmarks only: tests never depend on it.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = resolve(fileURLToPath(new URL("../..", import.meta.url)));
export const CMRC_PATH = resolve(repoRoot, "../shared/datasets/cmrc2018/cmrc2018_trial.json");
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

function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * Writes documents into `dir` until roughly `targetChars` characters are written (≈ chunks ×
 * 220). Each paragraph is a shuffled variant of a source paragraph tagged with a unique number.
 */
export function writeSyntheticCorpus(dir: string, targetChars: number, paragraphsPerDocument = 40): { documents: number; chars: number; source: string } {
  mkdirSync(dir, { recursive: true });
  const { paragraphs, source } = sourceParagraphs();
  const random = seededRandom(42);
  let chars = 0;
  let documents = 0;
  let serial = 0;
  while (chars < targetChars) {
    const lines: string[] = [];
    for (let i = 0; i < paragraphsPerDocument && chars < targetChars; i++) {
      const base = paragraphs[Math.floor(random() * paragraphs.length)]!;
      const sentences = base.split(/(?<=[。！？])/u).filter(Boolean);
      for (let j = sentences.length - 1; j > 0; j--) {
        const k = Math.floor(random() * (j + 1));
        [sentences[j], sentences[k]] = [sentences[k]!, sentences[j]!];
      }
      const line = `${sentences.join("")}（样本${++serial}）`;
      lines.push(line);
      chars += line.length;
    }
    writeFileSync(join(dir, `synthetic-${String(++documents).padStart(5, "0")}.txt`), lines.join("\n"));
  }
  return { documents, chars, source };
}
