// `npm run ingest-check -- [files or folders…]`: loads each PDF (default: the development reports)
// and prints its paragraphs, pages, tables, OCR pages and suspicious cuts, for checking the PDF
// layout on real files. `--show` prints every paragraph; `--cuts` prints each suspicious one.
import { readdir, stat } from "node:fs/promises";
import { basename, join } from "node:path";
import { loadDocument } from "../src/ingest/load-document.js";
import { suspiciousCuts } from "../src/ingest/pdf/suspicious-cuts.js";

const args = process.argv.slice(2);
const show = args.includes("--show");
const showCuts = args.includes("--cuts");
const targets = args.filter((arg) => !arg.startsWith("--"));
const files: string[] = [];
for (const target of targets.length ? targets : ["/work/shared/datasets/reports"]) {
  if ((await stat(target)).isDirectory()) {
    for (const name of (await readdir(target)).sort()) if (name.endsWith(".pdf")) files.push(join(target, name));
  } else files.push(target);
}
for (const file of files) {
  const started = performance.now();
  try {
    const document = await loadDocument({ absolutePath: file, relativePath: basename(file), maxBytes: 1 << 30 });
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    const kinds = new Map<string, number>();
    for (const paragraph of document.paragraphs) kinds.set(paragraph.kind ?? "text", (kinds.get(paragraph.kind ?? "text") ?? 0) + 1);
    const pages = new Set(document.paragraphs.map((paragraph) => paragraph.page));
    const cuts = suspiciousCuts(document);
    console.log(
      `${basename(file)}: ${document.paragraphs.length} paragraphs (${[...kinds].map(([kind, count]) => `${kind} ${count}`).join(", ")}), ` +
        `pages ${pages.size}, tables ${document.tables?.length ?? 0}, OCR pages [${document.ocrPages?.join(",") ?? ""}], ` +
        `suspicious cuts ${cuts.length}, ${seconds} s; title 《${document.title}》`,
    );
    for (const warning of document.warnings ?? []) console.log(`  ! ${warning}`);
    if (showCuts) for (const cut of cuts) console.log(`  cut p${cut.page}: …${cut.text.slice(-40)}`);
    if (show) {
      for (const paragraph of document.paragraphs) {
        const text = document.text.slice(paragraph.start, paragraph.end);
        const level = paragraph.kind === "heading" ? "" : "";
        console.log(`  [p${paragraph.page ?? "?"} ${paragraph.kind ?? "text"}${level}] ${text}`);
      }
    }
  } catch (error) {
    console.log(`${basename(file)}: skipped: ${error instanceof Error ? error.message : String(error)}`);
  }
}
