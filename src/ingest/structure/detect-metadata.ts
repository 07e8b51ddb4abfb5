import type { DocumentFormat, DocumentMetadata, DocumentPeriod, Paragraph } from "../types.js";
import { formatPeriod, periodOfBody, periodOfTitle } from "./detect-period.js";
import { detectPlace } from "./detect-place.js";
import { compactCjk, isTitleLine, issuerOf, publicationDateOf } from "./front-matter.js";
import { headingNumber } from "./heading-number.js";
import { titleFromFirstLine, titleFromFileName } from "./document-title.js";

/** What {@link detectMetadata} reads. */
export interface MetadataInput {
  text: string;
  paragraphs: readonly Paragraph[];
  /** The loader's title (first heading), when it found one. */
  loaderTitle?: string;
  relativePath: string;
  format: DocumentFormat;
}

/** Front-matter lines looked at, at most, after a report starts. */
const HEADER_LINES = 4;
/** Body paragraphs a report of a compilation has at least (fewer: a signature block, not a report). */
const MIN_PART_PARAGRAPHS = 5;
/** Longer lines are never a title, issuer or date line (even letter-spaced). */
const MAX_FRONT_MATTER_CHARS = 100;
/** Characters of the body that name the period (the first sentences). */
const OPENING_CHARS = 300;

/** One report inside the document: its front matter and the paragraphs it spans. */
interface ReportSpan {
  from: number;
  to: number;
  title?: string;
  issuer?: string;
  published?: { year: number; month: number };
  /** The date line says what it is (`发布日期：…`), so it opens a report on its own. */
  datedByLabel?: boolean;
  /** Index of the first paragraph after the front matter. */
  bodyFrom: number;
}

/**
 * Returns the document's title, place, issuer and period, read from its content; the file name
 * is the last resort for the title only. A file that compiles several reports (a title, issuer
 * or date block starting each) gets `parts`, each with its own title and period, and the
 * document's period spans them. A 政府工作报告 given in year Y reviews Y−1: its period is Y−1,
 * and its sections headed with a year (`一、2023年工作回顾`, `二、2024年重点任务`) are parts.
 * Never throws.
 */
export function detectMetadata(input: MetadataInput): DocumentMetadata {
  const lines = input.paragraphs.map((paragraph) => input.text.slice(paragraph.start, paragraph.end));
  const reports = findReports(lines, input.paragraphs);
  const first = reports[0]!;
  const title = documentTitle(input, lines, first);
  const issuer = first.issuer;
  const metadata: DocumentMetadata = { title };
  const place = detectPlace({ title, issuer, text: input.text });
  if (place) metadata.place = place;
  if (issuer) metadata.issuer = issuer;
  const periods = reports.map((report) => reportPeriod(report, lines, input.paragraphs, report === first ? title : report.title));
  if (reports.length > 1) {
    const firstTitle = first.title ?? title;
    metadata.parts = reports.map((report, index) => {
      const part: NonNullable<DocumentMetadata["parts"]>[number] = {
        fromParagraph: input.paragraphs[report.from]!.number,
        toParagraph: input.paragraphs[report.to]!.number,
      };
      const partTitle = report.title ?? titleForYear(firstTitle, periods[0], periods[index]);
      if (partTitle) part.title = partTitle;
      if (periods[index]) part.period = periods[index];
      return part;
    });
    // The file's own name says what a compilation holds (`南京市2021-2024年…汇编`) better than its first report's title.
    const fileTitle = titleFromFileName(input.relativePath);
    if (periodOfTitle(fileTitle)?.endYear !== undefined) metadata.title = fileTitle;
    const titled = periodOfTitle(title);
    const years = periods.flatMap((period) => (period ? [period.year, period.endYear ?? period.year] : []));
    if (titled?.endYear !== undefined) metadata.period = titled;
    else if (years.length > 0) metadata.period = spanOf(Math.min(...years), Math.max(...years));
    return metadata;
  }
  const period = periods[0];
  if (period) metadata.period = period;
  // "With its year": two years of one region's bulletin must not share a title.
  if (period && titleFromContent(input, title) && periodOfTitle(title) === undefined && isSeriesTitle(title, place)) {
    metadata.title = `${title}（${formatPeriod(period)}）`;
  }
  const workReport = workReportSections(title, lines, input.paragraphs);
  if (workReport) {
    metadata.period = workReport.period;
    metadata.parts = workReport.parts;
  }
  return metadata;
}

/** Titles of a yearly series (bulletins, yearbooks) or a bare place name: they recur, so they need their year. */
function isSeriesTitle(title: string, place: string | undefined): boolean {
  return /(?:公报|年报|年鉴)$/u.test(title) || (place !== undefined && compactCjk(title) === place);
}

/**
 * Returns the title of an untitled report of a compilation: the first report's title with its
 * year replaced by this report's (南京 2024's title, for the 2023 bulletin that has none), or
 * undefined when the first title does not name its year once.
 */
function titleForYear(firstTitle: string, firstPeriod: DocumentPeriod | undefined, period: DocumentPeriod | undefined): string | undefined {
  if (!firstPeriod || !period || period.endYear !== undefined) return undefined;
  const year = String(firstPeriod.year);
  if (firstTitle.split(year).length !== 2) return undefined;
  return firstTitle.replace(year, String(period.year));
}

function titleFromContent(input: MetadataInput, title: string): boolean {
  return title !== titleFromFileName(input.relativePath);
}

function spanOf(from: number, to: number): DocumentPeriod {
  return from === to ? { year: from } : { year: from, endYear: to };
}

/** Splits the document where a report's front matter starts (the first report starts at paragraph 0). */
function findReports(lines: string[], paragraphs: readonly Paragraph[]): ReportSpan[] {
  const starts: ReportSpan[] = [];
  // A title repeated on many pages is a running header, not the start of another report.
  const titleCounts = new Map<string, number>();
  for (const line of lines) if (line.length <= MAX_FRONT_MATTER_CHARS && isTitleLine(line)) titleCounts.set(compactCjk(line), (titleCounts.get(compactCjk(line)) ?? 0) + 1);
  const opensReport = (header: ReportSpan): boolean =>
    // A later report's title names its period: that is what tells a compilation's reports apart.
    (header.title !== undefined &&
      (header.from <= HEADER_LINES * 2 || ((titleCounts.get(header.title) ?? 0) <= 2 && periodOfTitle(header.title) !== undefined))) ||
    (header.published !== undefined && (header.issuer !== undefined || header.datedByLabel === true));
  let index = 0;
  while (index < lines.length) {
    const header = readHeader(lines, paragraphs, index);
    if (header && opensReport(header)) {
      starts.push(header);
      index = header.bodyFrom;
    } else {
      index++;
    }
  }
  // A header with almost no body before the next one belongs to it (a title, then an issuer
  // block, then a second title line): merge them. One at the very end is a signature block.
  const reports: ReportSpan[] = [];
  for (let position = starts.length - 1; position >= 0; position--) {
    const report = starts[position]!;
    const next = reports[0];
    if ((next?.from ?? lines.length) - report.bodyFrom >= MIN_PART_PARAGRAPHS) {
      reports.unshift(report);
    } else if (next) {
      reports[0] = { ...report, ...definedFields(next), from: report.from, title: report.title ?? next.title, issuer: report.issuer ?? next.issuer };
    }
  }
  if (reports.length === 0 || reports[0]!.from > HEADER_LINES * 2) {
    // No front matter at the top: the document is one report, its header (if any) in place.
    const top = readHeader(lines, paragraphs, 0);
    reports.unshift(top ?? { from: 0, to: 0, bodyFrom: 0 });
  } else {
    reports[0] = { ...reports[0]!, from: 0 };
  }
  return reports.map((report, position) => ({ ...report, to: (reports[position + 1]?.from ?? lines.length) - 1 }));
}

function definedFields(report: ReportSpan): Partial<ReportSpan> {
  return Object.fromEntries(Object.entries(report).filter(([, value]) => value !== undefined)) as Partial<ReportSpan>;
}

/** Reads the front matter starting at `index`: up to four title, issuer and date lines. */
function readHeader(lines: string[], paragraphs: readonly Paragraph[], index: number): ReportSpan | undefined {
  const header: ReportSpan = { from: index, to: index, bodyFrom: index };
  let cursor = index;
  const issuers: string[] = [];
  while (cursor < lines.length && cursor < index + HEADER_LINES) {
    const paragraph = paragraphs[cursor]!;
    if (paragraph.kind === "table-row" || lines[cursor]!.length > MAX_FRONT_MATTER_CHARS) break;
    const line = compactCjk(lines[cursor]!);
    const published = publicationDateOf(line);
    const issuer = issuerOf(lines[cursor]!);
    if (header.title === undefined && issuers.length === 0 && header.published === undefined && isTitleLine(line) && headingNumber(line) === undefined) {
      header.title = line;
    } else if (header.title === undefined && issuers.length === 1 && !issuers[0]!.includes(" ") && isTitleLine(line) && headingNumber(line) === undefined) {
      // `比亚迪股份有限公司` / `2025 年第一季度报告`: a name line, then the rest of its title.
      header.title = compactCjk(issuers[0]!) + line;
    } else if (issuer && header.published === undefined) {
      issuers.push(issuer);
    } else if (published && header.published === undefined) {
      header.published = published;
      if (/^(?:发布|公布|印发)/u.test(line)) header.datedByLabel = true;
    } else {
      break;
    }
    cursor++;
  }
  if (cursor === index) return undefined;
  if (issuers.length > 0) header.issuer = issuers.join(" ");
  header.bodyFrom = cursor;
  return header;
}

function documentTitle(input: MetadataInput, lines: string[], first: ReportSpan): string {
  // Letter-spaced titles (`2021 年民政事业…`) read as written without the spaces.
  const loaderTitle = input.loaderTitle === undefined ? undefined : compactCjk(input.loaderTitle);
  if (loaderTitle) return loaderTitle;
  if (first.title) return first.title;
  const firstLine = lines[0] ?? "";
  // An issuer or date line opening the file is front matter, not a title; a line repeated on
  // every page (a disclaimer footer) is furniture.
  const repeats = firstLine.length >= 6 && lines.filter((line) => line.includes(firstLine)).length >= 3;
  const frontMatter = issuerOf(firstLine) !== undefined || publicationDateOf(firstLine) !== undefined || (repeats && !isTitleLine(firstLine));
  return (frontMatter ? undefined : titleFromFirstLine(firstLine)) ?? titleFromFileName(input.relativePath);
}

function reportPeriod(report: ReportSpan, lines: string[], paragraphs: readonly Paragraph[], title: string | undefined): DocumentPeriod | undefined {
  const fromTitle = title ? periodOfTitle(title) : undefined;
  if (fromTitle) return fromTitle;
  const body: string[] = [];
  let opening = "";
  for (let index = report.bodyFrom; index <= report.to && index < lines.length; index++) {
    if (paragraphs[index]!.kind === "heading") continue;
    body.push(lines[index]!);
    if (opening.length < OPENING_CHARS) opening += lines[index]!;
  }
  return periodOfBody(opening.slice(0, OPENING_CHARS), body.join("\n"), report.published);
}

/**
 * For a 政府工作报告 given in year Y: the year it reviews (Y−1, the data it reports on) and its
 * outermost sections headed with a year as parts. Undefined for other documents.
 */
function workReportSections(
  title: string,
  lines: string[],
  paragraphs: readonly Paragraph[],
): { period: DocumentPeriod; parts: NonNullable<DocumentMetadata["parts"]> } | undefined {
  if (!/政府工作报告/u.test(title)) return undefined;
  const given = periodOfTitle(title);
  const sections: Array<{ index: number; title: string; year: number }> = [];
  lines.forEach((line, index) => {
    const paragraph = paragraphs[index]!;
    if (paragraph.kind !== "heading" || (paragraph.sectionPath?.length ?? 0) > 0) return;
    const year = periodOfTitle(line);
    if (year && year.endYear === undefined) sections.push({ index, title: compactCjk(line), year: year.year });
  });
  const reviewed = given ? given.year - 1 : sections[0]?.year;
  if (reviewed === undefined) return undefined;
  const parts = sections.map((section, position) => ({
    fromParagraph: paragraphs[position === 0 ? 0 : section.index]!.number,
    toParagraph: paragraphs[(sections[position + 1]?.index ?? lines.length) - 1]!.number,
    // No title of its own: the section is one report's part, cited by the report's title (the
    // heading is already in its paragraphs' section path).
    period: { year: section.year },
  }));
  return { period: { year: reviewed }, parts: parts.length > 1 ? parts : [] };
}
