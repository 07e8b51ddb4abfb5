import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IngestError } from "../../src/errors.js";
import { createPdfLoader, loadPdf } from "../../src/ingest/loaders/pdf.js";
import type { LoadedText } from "../../src/ingest/loaders/types.js";
import { buildIndex } from "../../src/store/build-index.js";
import { buildOptions, copyShippedReport, makeWorkspace } from "../store/helpers.js";
import { ocrToolsUnavailableReason } from "../helpers/ocr-tools.js";
import { pdfFixture } from "./pdf-fixtures.js";
import { rejection } from "./ingest-rejection.js";

/** Environment in which neither tesseract nor pdftoppm can be found. */
const NO_OCR_ENV = { PATH: "", TESSERACT_BIN: "/nonexistent/tesseract", PDFTOPPM_BIN: "/nonexistent/pdftoppm" };
const OCR_TIMEOUT = 300_000;
/** What is missing for OCR on this machine; the tests that run the real tools skip without them (test/global-setup.ts names them). */
const ocrMissing = await ocrToolsUnavailableReason();

const textOf = (loaded: LoadedText): string => (loaded.blocks ?? []).map((block) => block.text).join("");

/** Share of the reference's characters found, in order, in the candidate (longest common subsequence), spaces ignored. */
function orderedCharacterRecall(reference: string, candidate: string): number {
  const a = [...reference.replace(/\s/gu, "")];
  const b = [...candidate.replace(/\s/gu, "")];
  let previous = new Array<number>(b.length + 1).fill(0);
  for (const character of a) {
    const current = new Array<number>(b.length + 1).fill(0);
    for (let index = 1; index <= b.length; index++) {
      current[index] = character === b[index - 1] ? previous[index - 1]! + 1 : Math.max(previous[index]!, current[index - 1]!);
    }
    previous = current;
  }
  return previous[b.length]! / a.length;
}

/** A PDF whose page 1 is the scanned page (an image) and page 2 is page 1 of the Beijing excerpt (text). */
async function imageCoverPdf(): Promise<Uint8Array> {
  const output = await PDFDocument.create();
  const scanned = await PDFDocument.load(pdfFixture("scanned-beijing-page2.pdf"));
  const text = await PDFDocument.load(pdfFixture("beijing-2024-excerpt.pdf"));
  const [cover] = await output.copyPages(scanned, [0]);
  const [body] = await output.copyPages(text, [0]);
  output.addPage(cover!);
  output.addPage(body!);
  return output.save();
}

// scanned-beijing-page2.pdf is page 2 of beijing-2024-excerpt.pdf rendered at 120 dpi grey, no text layer.
describe.skipIf(ocrMissing)("scanned PDF with tesseract installed", () => {
  let loaded: LoadedText;
  beforeAll(async () => {
    loaded = await loadPdf(pdfFixture("scanned-beijing-page2.pdf"), "scanned.pdf");
  }, OCR_TIMEOUT);

  it("reads the page image with OCR and says so", () => {
    expect(loaded.ocrPages).toEqual([1]);
    expect(loaded.warnings).toEqual(["page 1 read by OCR (tesseract); check quotes from it against the page."]);
    expect(loaded.blocks?.every((block) => block.ocr === true && block.page === 1)).toBe(true);
  });

  it("gives text that matches the text layer of the same page closely", async () => {
    const textLayer = await loadPdf(pdfFixture("beijing-2024-excerpt.pdf"), "beijing.pdf");
    const reference = (textLayer.blocks ?? []).filter((block) => block.page === 2).map((block) => block.text).join("");
    expect(orderedCharacterRecall(reference, textOf(loaded))).toBeGreaterThan(0.9);
  });

  it("writes Chinese punctuation full-width and no spaces between Chinese characters", () => {
    expect(textOf(loaded)).toContain("二是着力发挥科技创新引领作用，");
    expect(textOf(loaded)).not.toMatch(/[\u4e00-\u9fff] [\u4e00-\u9fff]/u);
  });
});

describe("scanned PDF without tesseract", () => {
  it("fails with a scanned-PDF reason that gives the install command", async () => {
    const error = await rejection(createPdfLoader({ env: NO_OCR_ENV })(pdfFixture("scanned-beijing-page2.pdf"), "scan.pdf"));
    expect(error).toBeInstanceOf(IngestError);
    expect(error.reason).toBe("needs_ocr");
    expect(error.message).toBe(
      "scan.pdf is a scanned PDF (no text layer on page 1) and cannot be OCR'd: tesseract and pdftoppm (poppler-utils) not found. " +
        "Install OCR with: apt-get install tesseract-ocr tesseract-ocr-chi-sim poppler-utils",
    );
  });

  it.skipIf(ocrMissing)("fails the same way when tesseract has no Chinese language data", async () => {
    // `true` is a program that lists no languages.
    const env = { PATH: process.env.PATH, TESSERACT_BIN: "/bin/true" };
    const error = await rejection(createPdfLoader({ env })(pdfFixture("scanned-beijing-page2.pdf"), "scan.pdf"));
    expect(error.reason).toBe("needs_ocr");
    expect(error.message).toContain("tesseract has no chi_sim language data");
  });
});

describe("a PDF whose cover is an image and whose other pages have text", () => {
  it.skipIf(ocrMissing)("OCRs only the image page", async () => {
    const loaded = await loadPdf(await imageCoverPdf(), "cover.pdf");
    expect(loaded.ocrPages).toEqual([1]);
    expect(loaded.blocks?.filter((block) => block.page === 2).some((block) => block.ocr)).toBe(false);
    expect(textOf(loaded)).toContain("各位代表：");
  }, OCR_TIMEOUT);

  it("without tesseract, indexes the text pages and warns about the image page", async () => {
    const loaded = await createPdfLoader({ env: NO_OCR_ENV })(await imageCoverPdf(), "cover.pdf");
    expect(loaded.ocrPages).toBeUndefined();
    expect(loaded.warnings).toEqual([
      "page 1 is an image with no text layer and was not OCR'd (tesseract and pdftoppm (poppler-utils) not found; install with: apt-get install tesseract-ocr tesseract-ocr-chi-sim poppler-utils).",
    ]);
    expect(loaded.blocks?.[0]).toMatchObject({ text: "各位代表：", page: 2 });
  }, OCR_TIMEOUT);
});

describe("indexing a scanned PDF without tesseract", () => {
  let workspace: ReturnType<typeof makeWorkspace>;
  const saved = process.env.TESSERACT_BIN;
  beforeAll(() => {
    workspace = makeWorkspace();
    process.env.TESSERACT_BIN = "/nonexistent/tesseract";
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.TESSERACT_BIN;
    else process.env.TESSERACT_BIN = saved;
    workspace.cleanup();
  });

  it.skipIf(ocrMissing)("lists the file as skipped with the reason and the install command, and indexes the rest", async () => {
    copyShippedReport(workspace.knowledgeDir);
    writeFileSync(join(workspace.knowledgeDir, "scan.pdf"), pdfFixture("scanned-beijing-page2.pdf"));
    const summary = await buildIndex(buildOptions(workspace));
    expect(summary.documents).toBe(1);
    expect(summary.skipped).toEqual([
      {
        relativePath: "scan.pdf",
        reason:
          "scan.pdf is a scanned PDF (no text layer on page 1) and cannot be OCR'd: tesseract not found. Install OCR with: apt-get install tesseract-ocr tesseract-ocr-chi-sim poppler-utils",
      },
    ]);
  }, OCR_TIMEOUT);
});
