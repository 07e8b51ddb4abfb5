/** The shapes the PDF layout stages pass along: text items, lines and their segments, in PDF points (y grows upwards). */

/** One run of text as pdf.js (or OCR) placed it. */
export interface PdfItem {
  text: string;
  /** Left edge and baseline. */
  x: number;
  y: number;
  width: number;
  fontSize: number;
  fontName: string;
}

/** A horizontal run of a line with no wide gap inside (a table cell, or the whole line of prose). */
export interface PdfSegment {
  x: number;
  right: number;
  text: string;
}

/** One printed line: items sharing a baseline, left to right. */
export interface PdfLine {
  /** 1-based page. */
  page: number;
  x: number;
  right: number;
  /** Baseline of the line's main text. */
  y: number;
  /** Font size of most of the line's characters. */
  fontSize: number;
  /** Most of the line is set in a bold face (font name says so). */
  bold: boolean;
  text: string;
  segments: PdfSegment[];
  /** Text column on its page (0 = the only or leftmost column). */
  column: number;
  /** The line came from OCR of a page image. */
  ocr?: boolean;
}

/** A page's lines, with its size. */
export interface PdfPage {
  number: number;
  width: number;
  height: number;
  lines: PdfLine[];
}
