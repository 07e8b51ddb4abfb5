// PDF benchmark (figures, not tests): indexes a 50-page PDF built at bench time from the
// development reports (pdfunite of the 民航 2017–2019 bulletins and the Beijing report, cut to 50
// pages with pdfseparate), and prints the median seconds of a few fresh index builds (lexical
// embedder, OCR aside: every page has a text layer), plus the loader alone.
// Run: `npm run bench -- pdf` (REPORTS_DIR=… points at the development reports; about a minute).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createLexicalEmbedder } from "../../src/embed/lexical-embedder.js";
import { DEFAULT_CHUNK_OPTIONS } from "../../src/ingest/index.js";
import { loadDocument } from "../../src/ingest/load-document.js";
import { silentLogger } from "../../src/logger.js";
import { buildIndex } from "../../src/store/build-index.js";
import { percentile } from "./stats.js";

const REPORTS_DIR = process.env.REPORTS_DIR ?? "/work/shared/datasets/reports";
const SOURCES = ["2017年民航行业发展统计公报.pdf", "2018年民航行业发展统计公报.pdf", "2019年民航行业发展统计公报.pdf", "北京市2024年政府工作报告.pdf"];
const PAGES = 50;
const RUNS = 3;

/** Writes a PAGES-page PDF into `folder` and returns its path. */
function buildFiftyPagePdf(folder: string): string {
  const pagesDir = join(folder, "pages");
  mkdirSync(pagesDir);
  const pages: string[] = [];
  SOURCES.forEach((name, source) => {
    execFileSync("pdfseparate", [join(REPORTS_DIR, name), join(pagesDir, `${source}-%03d.pdf`)]);
  });
  for (const file of readdirSync(pagesDir).sort()) if (pages.length < PAGES) pages.push(join(pagesDir, file));
  const output = join(folder, "knowledge", "fifty-pages.pdf");
  mkdirSync(join(folder, "knowledge"));
  execFileSync("pdfunite", [...pages, output]);
  rmSync(pagesDir, { recursive: true });
  return output;
}

export async function runPdfBench(): Promise<void> {
  if (!SOURCES.every((name) => existsSync(join(REPORTS_DIR, name)))) {
    console.log(`pdf: skipped, the development reports are not in ${REPORTS_DIR} (set REPORTS_DIR)`);
    return;
  }
  const folder = mkdtempSync(join(tmpdir(), "pdf-bench-"));
  try {
    const pdf = buildFiftyPagePdf(folder);
    const loadSeconds: number[] = [];
    let paragraphs = 0;
    let tables = 0;
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      const document = await loadDocument({ absolutePath: pdf, relativePath: "fifty-pages.pdf", maxBytes: 1 << 30 });
      loadSeconds.push((performance.now() - started) / 1000);
      paragraphs = document.paragraphs.length;
      tables = document.tables?.length ?? 0;
    }
    const indexSeconds: number[] = [];
    let chunks = 0;
    for (let run = 0; run < RUNS; run++) {
      const dataDir = join(folder, `data-${run}`);
      const started = performance.now();
      const summary = await buildIndex({
        knowledgeDir: join(folder, "knowledge"),
        dataDir,
        embedder: createLexicalEmbedder({}),
        chunkOptions: { ...DEFAULT_CHUNK_OPTIONS },
        maxFileBytes: 1 << 30,
        logger: silentLogger(),
      });
      indexSeconds.push((performance.now() - started) / 1000);
      chunks = summary.chunks;
      rmSync(dataDir, { recursive: true, force: true });
    }
    const median = (values: number[]): string => percentile(values, 50).toFixed(2);
    console.log(`pdf: ${PAGES}-page PDF (${paragraphs} paragraphs, ${tables} tables, ${chunks} chunks)`);
    console.log(`  load (layout, tables, no OCR): median ${median(loadSeconds)} s of ${RUNS} [${loadSeconds.map((s) => s.toFixed(2)).join(", ")}]`);
    console.log(`  index, fresh, lexical embedder: median ${median(indexSeconds)} s of ${RUNS} [${indexSeconds.map((s) => s.toFixed(2)).join(", ")}] (target < 10 s)`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runPdfBench();
