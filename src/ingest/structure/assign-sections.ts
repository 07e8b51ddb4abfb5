import type { Paragraph } from "../types.js";
import { compactCjk, isFrontMatter, isTitleLine } from "./front-matter.js";
import { headingNumber, type HeadingNumber } from "./heading-number.js";

/** Longest text a numbered line can have and still be a heading (longer ones are list items in prose). */
const MAX_HEADING_CHARS = 40;
/** Longer paragraphs are neither headings nor front matter, even letter-spaced. */
const MAX_SCANNED_CHARS = 120;
const SENTENCE_PUNCTUATION = /[。！？!?；;]/u;
const FOOTNOTE_MARK = /\s*[[［]\d{1,3}[\]］]/gu;

/** A heading on the open path. */
interface OpenHeading {
  label: string;
  /** Loader-given level; leveled headings close every heading of their level or deeper. */
  level?: number;
  numbering?: HeadingNumber;
}

type Reading =
  | { type: "heading"; heading: OpenHeading }
  /** A report's title or front matter: a new report starts, with no section open. */
  | { type: "reset" }
  | { type: "body" };

/**
 * Returns `paragraphs` with each one's section path: the headings above it, outermost first
 * (a heading's own path holds the headings above it, not itself). Headings are paragraphs the
 * loader marked "heading" and short numbered lines without sentence punctuation (`一、综合`,
 * `（二）工业`, `第一部分 …`, `1. …`), which also get kind "heading". Levels come from the loader's
 * heading levels, else from the numbering: a numbering style continues as siblings (`二、` after
 * `一、`) and a `1` of a style already open starts a level below it. A report title, issuer line or
 * date line closes every section (the next report of a compilation). Never throws.
 */
export function assignSections(text: string, paragraphs: Paragraph[]): Paragraph[] {
  const open: OpenHeading[] = [];
  return paragraphs.map((paragraph) => {
    const reading = readParagraph(text.slice(paragraph.start, paragraph.end), paragraph);
    if (reading.type === "reset") {
      open.length = 0;
      return withoutPath(paragraph);
    }
    if (reading.type === "body") return withPath(paragraph, open);
    closeSiblings(open, reading.heading);
    const heading = withPath({ ...paragraph, kind: "heading" }, open);
    open.push(reading.heading);
    return heading;
  });
}

function readParagraph(raw: string, paragraph: Paragraph): Reading {
  if (paragraph.kind !== undefined && paragraph.kind !== "heading" && paragraph.kind !== "text") return { type: "body" };
  // Long paragraphs are body text; skipping them early keeps indexing fast.
  if (paragraph.kind !== "heading" && raw.length > MAX_SCANNED_CHARS) return { type: "body" };
  const label = compactCjk(raw).replace(FOOTNOTE_MARK, "");
  if (label === "") return { type: "body" };
  const numbering = headingNumber(label);
  if (paragraph.kind === "heading") {
    if (numbering === undefined && isTitleLine(label)) return { type: "reset" };
    const heading: OpenHeading = { label };
    if (paragraph.headingLevel !== undefined) heading.level = paragraph.headingLevel;
    if (numbering) heading.numbering = numbering;
    return { type: "heading", heading };
  }
  if (numbering === undefined) return isFrontMatter(label) ? { type: "reset" } : { type: "body" };
  const rest = label.replace(/^\S*?[、，,．.）)部分章篇节]\s*/u, "");
  if (label.length > MAX_HEADING_CHARS || SENTENCE_PUNCTUATION.test(label) || !/[\p{L}]/u.test(rest)) return { type: "body" };
  return { type: "heading", heading: { label, numbering } };
}

/** Closes the open headings that `heading` follows as a sibling or replaces. */
function closeSiblings(open: OpenHeading[], heading: OpenHeading): void {
  if (heading.level !== undefined) {
    while (open.length > 0 && (open.at(-1)!.level === undefined || open.at(-1)!.level! >= heading.level)) open.pop();
    return;
  }
  if (heading.numbering === undefined) {
    // A loader heading with neither level nor number (a PDF line set large) follows the last such
    // heading as its sibling, and nests under numbered ones.
    while (open.length > 0 && open.at(-1)!.level === undefined && open.at(-1)!.numbering === undefined) open.pop();
    return;
  }
  const { family, number } = heading.numbering;
  const sameFamily = (entry: OpenHeading) => entry.numbering?.family === family;
  const previous = findLastIndex(open, (entry) => sameFamily(entry) && entry.numbering!.number === number - 1);
  if (previous >= 0) {
    open.length = previous;
    return;
  }
  // A new "1" of an open style is a list one level down (a table of 一、食品烟酒… under 一、综合).
  if (number === 1) return;
  const last = findLastIndex(open, sameFamily);
  if (last >= 0) open.length = last;
}

function findLastIndex<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let index = items.length - 1; index >= 0; index--) if (test(items[index]!)) return index;
  return -1;
}

function withPath(paragraph: Paragraph, open: readonly OpenHeading[]): Paragraph {
  if (open.length === 0) return withoutPath(paragraph);
  return { ...paragraph, sectionPath: open.map((heading) => heading.label) };
}

function withoutPath(paragraph: Paragraph): Paragraph {
  if (paragraph.sectionPath === undefined) return paragraph;
  const { sectionPath: _dropped, ...rest } = paragraph;
  return rest;
}
