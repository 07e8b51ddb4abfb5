/**
 * Reads the body of word/document.xml into paragraphs and tables, in reading order, with what
 * Word says about each paragraph (heading level, indentation) and each cell (spans, merges).
 */
import type { GridCell, GridRow } from "../tables/grid.js";
import { joinWrappedLine } from "../loaders/join-lines.js";
import { outlineLevel, paragraphIndent, type ParagraphStyle } from "./styles.js";
import { childElement, childElements, type XmlElement, type XmlNode } from "./xml.js";

/** A body paragraph as Word holds it. */
export interface WordParagraph {
  type: "paragraph";
  /** Text with tabs ("\t") and manual line breaks ("\n"). */
  text: string;
  headingLevel?: number;
  /** Start indentation in twips (direct formatting, else the style's). */
  indent: number;
  /** The paragraph sits in a text box. */
  inTextBox?: boolean;
  /** Centred (titles, captions), so never a broken line of body text. */
  centred?: boolean;
}

/** A body table as Word holds it. */
export interface WordTable {
  type: "table";
  rows: GridRow[];
}

export type WordItem = WordParagraph | WordTable;

/** Twips per character of body text (10.5 pt), to turn cell indentation into characters. */
const TWIPS_PER_CHAR = 210;
// Containers whose content is part of the text as shown.
const TRANSPARENT = new Set(["w:hyperlink", "w:ins", "w:smartTag", "w:fldSimple", "w:customXml", "w:moveTo", "w:sdtContent", "w:dir", "w:bdo"]);
// Deleted or hidden content, and properties.
const SKIPPED = new Set(["w:del", "w:moveFrom", "w:pPr", "w:rPr", "w:sdtPr", "w:sdtEndPr", "w:delText", "w:instrText", "w:proofErr", "w:bookmarkStart", "w:bookmarkEnd"]);

/** Reading state shared while walking one document: styles and footnote numbering. */
export interface BodyContext {
  styles: ReadonlyMap<string, ParagraphStyle>;
  /** Word footnote/endnote id → the number shown for it, filled in reading order. */
  noteNumbers: Map<string, number>;
}

/** Returns the paragraphs and tables of a body-like element (`w:body`, a cell, a text box). Never throws. */
export function readBlocks(container: XmlElement, context: BodyContext, inTextBox = false): WordItem[] {
  const items: WordItem[] = [];
  for (const child of childElements(container)) {
    if (child.name === "w:p") items.push(...readParagraph(child, context, inTextBox));
    else if (child.name === "w:tbl") items.push({ type: "table", rows: readTable(child, context) });
    else if (child.name === "w:sdt" || TRANSPARENT.has(child.name)) {
      const content = child.name === "w:sdt" ? childElement(child, "w:sdtContent") : child;
      if (content) items.push(...readBlocks(content, context, inTextBox));
    } else if (child.name === "mc:AlternateContent") {
      const branch = chosenBranch(child);
      if (branch) items.push(...readBlocks(branch, context, inTextBox));
    }
  }
  return items;
}

function readParagraph(element: XmlElement, context: BodyContext, inTextBox: boolean): WordItem[] {
  const properties = childElement(element, "w:pPr");
  const styleId = properties ? childElement(properties, "w:pStyle")?.attributes["w:val"] : undefined;
  const style = styleId === undefined ? undefined : context.styles.get(styleId);
  const textBoxes: XmlElement[] = [];
  const text = inlineText(element, context, textBoxes);
  const paragraph: WordParagraph = { type: "paragraph", text, indent: paragraphIndent(properties) ?? style?.indent ?? 0 };
  const level = outlineLevel(properties) ?? style?.headingLevel;
  if (level !== undefined) paragraph.headingLevel = level;
  if (inTextBox) paragraph.inTextBox = true;
  const alignment = properties ? childElement(properties, "w:jc")?.attributes["w:val"] : undefined;
  if (alignment === "center") paragraph.centred = true;
  // A text box's paragraphs follow the paragraph that anchors it.
  return [paragraph, ...textBoxes.flatMap((box) => readBlocks(box, context, true))];
}

/** Returns the text of runs under `element`; text boxes met on the way are collected, not inlined. */
function inlineText(element: XmlElement, context: BodyContext, textBoxes: XmlElement[]): string {
  let text = "";
  const visit = (node: XmlNode): void => {
    if (typeof node === "string") return;
    if (SKIPPED.has(node.name)) return;
    switch (node.name) {
      case "w:t":
        text += node.children.filter((child): child is string => typeof child === "string").join("");
        return;
      case "w:tab":
      case "w:ptab":
        text += "\t";
        return;
      case "w:br":
        if (node.attributes["w:type"] !== "page" && node.attributes["w:type"] !== "column") text += "\n";
        return;
      case "w:cr":
        text += "\n";
        return;
      case "w:noBreakHyphen":
        text += "-";
        return;
      case "w:footnoteReference":
      case "w:endnoteReference":
        text += `[${noteNumber(context, node)}]`;
        return;
      case "w:txbxContent":
        textBoxes.push(node);
        return;
      case "mc:AlternateContent": {
        const branch = chosenBranch(node);
        if (branch) visit(branch);
        return;
      }
      default:
        for (const child of node.children) visit(child);
    }
  };
  for (const child of element.children) visit(child);
  return text;
}

function noteNumber(context: BodyContext, reference: XmlElement): number {
  const key = `${reference.name}:${reference.attributes["w:id"] ?? ""}`;
  let number = context.noteNumbers.get(key);
  if (number === undefined) {
    number = context.noteNumbers.size + 1;
    context.noteNumbers.set(key, number);
  }
  return number;
}

/** `mc:AlternateContent` holds the same content twice (a modern and a fallback rendering): read one. */
function chosenBranch(element: XmlElement): XmlElement | undefined {
  return childElement(element, "mc:Choice") ?? childElement(element, "mc:Fallback");
}

function readTable(table: XmlElement, context: BodyContext): GridRow[] {
  const rows: GridRow[] = [];
  for (const row of rowElements(table)) {
    const rowProperties = childElement(row, "w:trPr");
    const cells: GridCell[] = [];
    const before = Number(childElement(rowProperties ?? row, "w:gridBefore")?.attributes["w:val"] ?? 0) || 0;
    for (let skipped = 0; skipped < before; skipped++) cells.push({ text: "" });
    for (const cell of cellElements(row)) cells.push(readCell(cell, context));
    const gridRow: GridRow = { cells };
    if (rowProperties && childElement(rowProperties, "w:tblHeader")) gridRow.header = true;
    rows.push(gridRow);
  }
  return rows;
}

function rowElements(table: XmlElement): XmlElement[] {
  return childElements(table).flatMap((child) => {
    if (child.name === "w:tr") return [child];
    if (child.name === "w:sdt" || child.name === "w:customXml") return rowElements(childElement(child, "w:sdtContent") ?? child);
    return [];
  });
}

function cellElements(row: XmlElement): XmlElement[] {
  return childElements(row).flatMap((child) => {
    if (child.name === "w:tc") return [child];
    if (child.name === "w:sdt" || child.name === "w:customXml") return cellElements(childElement(child, "w:sdtContent") ?? child);
    return [];
  });
}

function readCell(cell: XmlElement, context: BodyContext): GridCell {
  const properties = childElement(cell, "w:tcPr");
  const items = readBlocks(cell, context);
  const lines = items.flatMap((item) =>
    item.type === "paragraph" ? [item.text] : item.rows.map((row) => row.cells.map((inner) => inner.text).join(" ")),
  );
  const firstParagraph = items.find((item): item is WordParagraph => item.type === "paragraph" && item.text.trim() !== "");
  const result: GridCell = { text: lines.reduce((joined, line) => joinWrappedLine(joined.trimEnd(), line.trimEnd() === "" ? "" : line), "") };
  const span = Number(properties ? childElement(properties, "w:gridSpan")?.attributes["w:val"] : 1);
  if (Number.isInteger(span) && span > 1) result.colSpan = span;
  const vMerge = properties ? childElement(properties, "w:vMerge") : undefined;
  if (vMerge && vMerge.attributes["w:val"] !== "restart") result.continuesAbove = true;
  if (firstParagraph && firstParagraph.indent > 0) result.indent = Math.floor(firstParagraph.indent / TWIPS_PER_CHAR);
  return result;
}
