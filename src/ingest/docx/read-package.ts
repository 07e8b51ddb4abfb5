/** Opens a .docx package: its main document, styles, running headers and notes. */
import type JSZip from "jszip";
import { childElement, childElements, descendants, parseXml, type XmlElement } from "./xml.js";

/** The parts of a Word package the loader reads. */
export interface WordPackage {
  document: XmlElement;
  styles?: XmlElement;
  /** Text of every header part (running headers), concatenated. */
  headerText: string;
  /** Footnote and endnote texts by reference key (`w:footnoteReference:3`). */
  notes: Map<string, string>;
}

const MAIN_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";

/**
 * Returns the parts of the package in `bytes`. Throws Error (with a reason a person can read)
 * when the bytes are not a zip, or the zip holds no Word document; the loader wraps it.
 */
export async function readWordPackage(bytes: Uint8Array): Promise<WordPackage> {
  // Loaded on first use: a process that only answers (ask, the bot) never reads Word files.
  const { default: JSZipLoader } = await import("jszip");
  const zip = await JSZipLoader.loadAsync(bytes);
  const mainPath = (await mainDocumentPath(zip)) ?? "word/document.xml";
  const main = zip.file(mainPath);
  if (!main) throw new Error("the zip holds no word/document.xml");
  const document = parseXml(await main.async("string"));
  const folder = mainPath.includes("/") ? mainPath.slice(0, mainPath.lastIndexOf("/") + 1) : "";
  const stylesXml = zip.file(`${folder}styles.xml`);
  const styles = stylesXml ? parseXml(await stylesXml.async("string")) : undefined;
  let headerText = "";
  for (const file of zip.file(new RegExp(`^${escapeRegExp(folder)}header\\d*\\.xml$`, "u"))) {
    headerText += allText(parseXml(await file.async("string")));
  }
  const notes = new Map<string, string>();
  for (const [part, element, reference] of [
    ["footnotes.xml", "w:footnote", "w:footnoteReference"],
    ["endnotes.xml", "w:endnote", "w:endnoteReference"],
  ] as const) {
    const file = zip.file(`${folder}${part}`);
    if (!file) continue;
    for (const note of childElements(parseXml(await file.async("string")), element)) {
      const type = note.attributes["w:type"];
      if (type === "separator" || type === "continuationSeparator" || type === "continuationNotice") continue;
      const text = childElements(note, "w:p").map(allText).join("").trim();
      if (text !== "") notes.set(`${reference}:${note.attributes["w:id"] ?? ""}`, text);
    }
  }
  const result: WordPackage = { document, headerText, notes };
  if (styles) result.styles = styles;
  return result;
}

/** Returns the `w:body` of the main document, or throws Error when it has none. */
export function documentBody(document: XmlElement): XmlElement {
  const body = childElement(document, "w:body");
  if (!body) throw new Error("word/document.xml has no w:body");
  return body;
}

async function mainDocumentPath(zip: JSZip): Promise<string | undefined> {
  const rels = zip.file("_rels/.rels");
  if (!rels) return undefined;
  const root = parseXml(await rels.async("string"));
  const relation = childElements(root, "Relationship").find((element) => element.attributes.Type === MAIN_DOCUMENT);
  return relation?.attributes.Target?.replace(/^\//u, "");
}

function allText(element: XmlElement): string {
  return descendants(element, "w:t")
    .map((node) => node.children.filter((child): child is string => typeof child === "string").join(""))
    .join("");
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&");
}
