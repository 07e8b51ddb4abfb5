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

/** How far into the file the HTML standard looks for a `<meta charset>` (its "prescan"). */
const CHARSET_PRESCAN_BYTES = 1024;

/**
 * Returns the charset an HTML file declares in its first 1024 bytes — `<meta charset="gbk">` or
 * `<meta http-equiv="Content-Type" content="text/html; charset=big5">` — or undefined.
 */
export function declaredHtmlCharset(bytes: Uint8Array): string | undefined {
  // latin1 maps each byte to one character, so ASCII markup reads the same in any ASCII-based charset.
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, CHARSET_PRESCAN_BYTES));
  for (const meta of head.match(/<meta\b[^>]*>/giu) ?? []) {
    const charset = /charset\s*=\s*["']?\s*([A-Za-z0-9_:.+-]+)/iu.exec(meta)?.[1];
    if (charset) return charset;
  }
  return undefined;
}

/**
 * Returns the visible text of an HTML file, paragraphs separated by blank lines, and its title
 * from <title>, else the first <h1>. The encoding is the BOM's, else the `<meta charset>`'s, else
 * UTF-8 or GB18030 (see decodeText). Throws IngestError "binary" or "empty".
 */
export async function loadHtml(bytes: Uint8Array, path: string): Promise<LoadedText> {
  const html = decodeText(bytes, path, { declaredCharset: declaredHtmlCharset(bytes) });
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
