/** Reads the positioned text runs of one pdf.js page. */
import type { PdfItem } from "./geometry.js";

/** The parts of a pdf.js text item this stage uses. */
interface RawTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  fontName: string;
}

/** The parts of a pdf.js page this stage uses (so tests and OCR need not build a real one). */
export interface TextContentSource {
  getTextContent(): Promise<{ items: unknown[]; styles?: Record<string, { fontFamily?: string }> }>;
}

/**
 * Returns the page's non-blank text items with position, width and font size. Whitespace-only
 * items are dropped: pdf.js reports them with widths that do not match the gap they stand for,
 * so spacing is rebuilt from the positions instead. Items rotated more than a little (vertical
 * margin text, watermarks) are dropped too. Throws what pdf.js throws on a damaged page.
 */
export async function readPageItems(page: TextContentSource): Promise<PdfItem[]> {
  const content = await page.getTextContent();
  const items: PdfItem[] = [];
  for (const raw of content.items) {
    if (!isTextItem(raw) || raw.str.trim() === "") continue;
    const [a = 1, b = 0, c = 0, d = 1, x = 0, y = 0] = raw.transform;
    if (Math.abs(b) > Math.abs(a) * 0.1 || Math.abs(c) > Math.abs(d) * 0.1) continue;
    const fontSize = Math.abs(d) || Math.hypot(c, d) || raw.height;
    if (fontSize <= 0) continue;
    items.push({ text: raw.str, x, y, width: raw.width, fontSize, fontName: raw.fontName });
  }
  return items;
}

function isTextItem(value: unknown): value is RawTextItem {
  return typeof value === "object" && value !== null && "str" in value && "transform" in value;
}
