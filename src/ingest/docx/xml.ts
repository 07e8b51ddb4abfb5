/**
 * A small XML reader for the parts of an OOXML package (well-formed, namespaced, no DTDs).
 * It keeps element names as written (`w:p`), attributes, and text; comments, processing
 * instructions and declarations are skipped.
 */

/** An element with its attributes and children (elements and text, in order). */
export interface XmlElement {
  name: string;
  attributes: Readonly<Record<string, string>>;
  children: XmlNode[];
}

/** A child of an element: an element or a run of text. */
export type XmlNode = XmlElement | string;

const TOKEN = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<![^>]*>|<(\/?)([^\s/>]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/gu;
const ATTRIBUTE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/gu;
const ENTITY = /&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/gu;
const NAMED: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/**
 * Returns the root element of `xml`. Throws Error when there is no element or the tags do not
 * nest (a damaged part); callers turn that into an IngestError with the file's path.
 */
export function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: "#document", attributes: {}, children: [] };
  const stack: XmlElement[] = [root];
  let last = 0;
  for (const match of xml.matchAll(TOKEN)) {
    const top = stack.at(-1)!;
    if (match.index > last) pushText(top, decodeEntities(xml.slice(last, match.index)));
    last = match.index + match[0].length;
    if (match[1] !== undefined) {
      pushText(top, match[1]);
      continue;
    }
    const name = match[3];
    if (name === undefined) continue;
    if (match[2] === "/") {
      if (top.name !== name) throw new Error(`XML tags do not nest: </${name}> closes <${top.name}>`);
      stack.pop();
      continue;
    }
    const element: XmlElement = { name, attributes: parseAttributes(match[4] ?? ""), children: [] };
    top.children.push(element);
    if (match[5] !== "/") stack.push(element);
  }
  if (stack.length !== 1) throw new Error(`XML ends inside <${stack.at(-1)!.name}>`);
  const element = root.children.find((child): child is XmlElement => typeof child !== "string");
  if (!element) throw new Error("XML has no root element");
  return element;
}

/** Returns the element children of `element` named `name` (any name when omitted). */
export function childElements(element: XmlElement, name?: string): XmlElement[] {
  return element.children.filter((child): child is XmlElement => typeof child !== "string" && (name === undefined || child.name === name));
}

/** Returns the first element child named `name`, or undefined. */
export function childElement(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((child): child is XmlElement => typeof child !== "string" && child.name === name);
}

/** Returns every descendant element named `name`, in document order. */
export function descendants(element: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  const visit = (node: XmlElement): void => {
    for (const child of node.children) {
      if (typeof child === "string") continue;
      if (child.name === name) found.push(child);
      visit(child);
    }
  };
  visit(element);
  return found;
}

function parseAttributes(source: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const match of source.matchAll(ATTRIBUTE)) attributes[match[1]!] = decodeEntities(match[2] ?? match[3] ?? "");
  return attributes;
}

function pushText(element: XmlElement, text: string): void {
  if (text !== "") element.children.push(text);
}

function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(ENTITY, (_match, hex: string | undefined, decimal: string | undefined, named: string | undefined) => {
    if (named !== undefined) return NAMED[named]!;
    const code = hex !== undefined ? Number.parseInt(hex, 16) : Number(decimal);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : "";
  });
}
