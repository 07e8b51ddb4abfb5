import type { Paragraph } from "../types.js";

/**
 * Returns `paragraphs` with each one's section path: the headings above it, outermost first.
 * Headings are paragraphs of kind "heading" and lines that read as numbered headings
 * (`一、综合`, `（二）工业`, `第一部分 …`). Never throws.
 */
export function assignSections(_text: string, paragraphs: Paragraph[]): Paragraph[] {
  // Placeholder until the section reader lands (issue 14): no paths yet.
  return paragraphs;
}
