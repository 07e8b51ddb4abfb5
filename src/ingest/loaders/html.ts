import { convert, type HtmlToTextOptions } from "html-to-text";
import { decodeText } from "../decode-text.js";
import type { LoadedText } from "./types.js";

const HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"].map((selector) => ({
  selector,
  options: { uppercase: false },
}));

/** Body text only (html-to-text skips <head>, <script> and <style>), no wrapping, no URLs. */
const BODY_OPTIONS: HtmlToTextOptions = {
  wordwrap: false,
  selectors: [
    ...HEADINGS,
    { selector: "a", options: { ignoreHref: true } },
    { selector: "img", format: "skip" },
    // An empty prefix would fall back to " * "; the space is trimmed by cleaning.
    { selector: "ul", options: { itemPrefix: " " } },
    { selector: "table", format: "dataTable", options: { uppercaseHeaderCells: false } },
    { selector: "noscript", format: "skip" },
    { selector: "template", format: "skip" },
  ],
};

/**
 * Returns the visible text of an HTML file, paragraphs separated by blank lines, and its title
 * from <title>, else the first <h1>. Throws IngestError "binary" or "empty".
 */
export async function loadHtml(bytes: Uint8Array, path: string): Promise<LoadedText> {
  const html = decodeText(bytes, path);
  const text = convert(html, BODY_OPTIONS);
  const title = elementText(html, "title") ?? elementText(html, "h1");
  return title === undefined ? { text } : { title, text };
}

/** Returns the text of the first `<tag>` element, entities decoded, or undefined when blank. */
function elementText(html: string, tag: string): string | undefined {
  const match = new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}\\s*>`, "iu").exec(html);
  if (!match) return undefined;
  const text = convert(match[1]!, { wordwrap: false }).replace(/\s+/gu, " ").trim();
  return text === "" ? undefined : text;
}
