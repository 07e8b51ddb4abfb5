/** Paragraph styles of a Word document: which are headings, and at what level. */
import { childElement, childElements, type XmlElement } from "./xml.js";

/** What a paragraph style says about its paragraphs. */
export interface ParagraphStyle {
  /** 1-based heading level, from the style's outline level or its name (`heading 2`, `标题 2`, `Title`). */
  headingLevel?: number;
  /** Start indentation in twips (left + first line), when the style sets it. */
  indent?: number;
}

const HEADING_NAME = /^(?:heading|标题)\s*(\d)$/iu;

/**
 * Returns each paragraph style id's heading level and indentation, following `basedOn` chains.
 * `styles` is the root of word/styles.xml, or undefined when the package has none. Never throws.
 */
export function readParagraphStyles(styles: XmlElement | undefined): Map<string, ParagraphStyle> {
  const raw = new Map<string, { basedOn?: string; own: ParagraphStyle }>();
  for (const style of styles ? childElements(styles, "w:style") : []) {
    if (style.attributes["w:type"] !== "paragraph") continue;
    const id = style.attributes["w:styleId"];
    if (id === undefined) continue;
    const own: ParagraphStyle = {};
    const name = childElement(style, "w:name")?.attributes["w:val"] ?? "";
    const outline = outlineLevel(childElement(style, "w:pPr"));
    const byName = HEADING_NAME.exec(name.trim());
    if (outline !== undefined) own.headingLevel = outline;
    else if (byName) own.headingLevel = Number(byName[1]);
    else if (/^title$/iu.test(name.trim())) own.headingLevel = 1;
    const indent = paragraphIndent(childElement(style, "w:pPr"));
    if (indent !== undefined) own.indent = indent;
    const basedOn = childElement(style, "w:basedOn")?.attributes["w:val"];
    raw.set(id, basedOn === undefined ? { own } : { basedOn, own });
  }
  const resolved = new Map<string, ParagraphStyle>();
  const resolve = (id: string, depth: number): ParagraphStyle => {
    const known = resolved.get(id);
    if (known) return known;
    const entry = raw.get(id);
    if (!entry) return {};
    const inherited = entry.basedOn !== undefined && depth < 20 ? resolve(entry.basedOn, depth + 1) : {};
    const style = { ...inherited, ...entry.own };
    resolved.set(id, style);
    return style;
  };
  for (const id of raw.keys()) resolve(id, 0);
  return resolved;
}

/** Returns the 1-based heading level a `w:pPr` sets with `w:outlineLvl` (0–8; 9 is body text). */
export function outlineLevel(properties: XmlElement | undefined): number | undefined {
  const value = properties ? childElement(properties, "w:outlineLvl")?.attributes["w:val"] : undefined;
  if (value === undefined) return undefined;
  const level = Number(value);
  return Number.isInteger(level) && level >= 0 && level <= 8 ? level + 1 : undefined;
}

/** Returns the start indentation a `w:pPr` sets (left/start plus first line, minus hanging), in twips. */
export function paragraphIndent(properties: XmlElement | undefined): number | undefined {
  const ind = properties ? childElement(properties, "w:ind") : undefined;
  if (!ind) return undefined;
  const number = (name: string): number => Number(ind.attributes[name] ?? 0) || 0;
  return (number("w:left") || number("w:start")) + number("w:firstLine") - number("w:hanging");
}
