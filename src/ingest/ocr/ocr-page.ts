/** Reads one page image of a PDF with tesseract: rendered by pdftoppm, read as words with positions. */
import { execFile } from "node:child_process";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { normalizeLineSpaces } from "../pdf/cjk-spacing.js";
import type { PdfLine } from "../pdf/geometry.js";
import type { OcrTools } from "./ocr-tools.js";

/** Resolution pages are rendered at: as accurate as 200 dpi on 10.5 pt Chinese, at half the time. */
export const OCR_DPI = 150;
/** Each program run is stopped after this long. */
const RUN_TIMEOUT_MS = 120_000;

/**
 * Returns the lines tesseract reads on page `page` of the PDF at `pdfPath`, in PDF points (y up)
 * on a page `pageHeight` points high, each marked `ocr`. Temporary images go in `workDir`, which
 * the caller removes. Throws an Error when a program fails or times out.
 */
export async function ocrPage(input: {
  tools: OcrTools;
  pdfPath: string;
  page: number;
  pageHeight: number;
  workDir: string;
}): Promise<PdfLine[]> {
  const { tools, pdfPath, page, pageHeight, workDir } = input;
  const prefix = join(workDir, `page-${page}`);
  await run(tools.pdftoppm, ["-r", String(OCR_DPI), "-gray", "-png", "-f", String(page), "-l", String(page), pdfPath, prefix]);
  const image = (await readdir(workDir)).find((name) => name.startsWith(`page-${page}`) && name.endsWith(".png"));
  if (!image) throw new Error(`pdftoppm wrote no image for page ${page}`);
  const tsv = await run(tools.tesseract, [join(workDir, image), "stdout", "-l", tools.languages, "--psm", "3", "tsv"]);
  return linesFromTsv(tsv, page, pageHeight);
}

/**
 * Returns tesseract TSV output (level 5 rows are words) as lines in PDF points: one line per
 * tesseract line, words joined with the CJK spacing rules. Never throws.
 */
export function linesFromTsv(tsv: string, page: number, pageHeight: number): PdfLine[] {
  const scale = 72 / OCR_DPI;
  const byLine = new Map<string, Array<{ left: number; top: number; width: number; height: number; text: string }>>();
  for (const row of tsv.split("\n").slice(1)) {
    const fields = row.split("\t");
    if (fields.length < 12 || fields[0] !== "5") continue;
    const text = fields.slice(11).join("\t").trim();
    if (text === "" || Number(fields[10]) < 0) continue;
    const key = `${fields[2]}:${fields[3]}:${fields[4]}`;
    const words = byLine.get(key) ?? [];
    words.push({ left: Number(fields[6]), top: Number(fields[7]), width: Number(fields[8]), height: Number(fields[9]), text });
    byLine.set(key, words);
  }
  const lines: PdfLine[] = [];
  for (const words of byLine.values()) {
    words.sort((a, b) => a.left - b.left);
    const x = words[0]!.left * scale;
    const right = Math.max(...words.map((word) => word.left + word.width)) * scale;
    const bottom = Math.max(...words.map((word) => word.top + word.height));
    const heights = words.filter((word) => /[\u4e00-\u9fff]/u.test(word.text)).map((word) => word.height);
    const height = median(heights.length > 0 ? heights : words.map((word) => word.height)) * scale;
    const fontSize = Math.max(4, Math.round(height * 2) / 2);
    const text = fullWidthPunctuation(normalizeLineSpaces(words.map((word) => word.text).join(" ")));
    if (text === "") continue;
    lines.push({
      page,
      x,
      right,
      y: pageHeight - bottom * scale,
      fontSize,
      bold: false,
      text,
      segments: [{ x, right, text }],
      column: 0,
      ocr: true,
    });
  }
  return lines.sort((a, b) => b.y - a.y);
}

const HALF_TO_FULL: Readonly<Record<string, string>> = { ",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）" };

/** Tesseract often reads Chinese punctuation as ASCII; next to a Chinese character it is the full-width form. */
export function fullWidthPunctuation(text: string): string {
  // Twice: a mark converted in the first pass (`)` of `(草案)`) makes its neighbour (`;`) Chinese-adjacent.
  return replaceHalfWidth(replaceHalfWidth(text));
}

function replaceHalfWidth(text: string): string {
  return text.replace(/(?<=[\u4e00-\u9fff）】”])[,;:?!()]|[,;:?!()](?=[\u4e00-\u9fff“（【])/gu, (mark) => HALF_TO_FULL[mark] ?? mark);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function run(program: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    // One OpenMP thread: on a busy machine tesseract's default thread pool makes a page take a minute instead of seconds.
    const env = { ...process.env, OMP_THREAD_LIMIT: "1" };
    execFile(program, args, { timeout: RUN_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024, env }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${program} failed: ${stderr.trim() || error.message}`, { cause: error }));
      else resolve(stdout);
    });
  });
}
