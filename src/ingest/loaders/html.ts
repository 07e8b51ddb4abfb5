import type { DomNode, FormatCallback, HtmlToTextOptions } from "html-to-text";
import { decodeText } from "../decode-text.js";
import { isTableCaption } from "../tables/caption.js";
import { builtTableBlocks, isLayoutTable, tableFromGrid } from "../tables/grid.js";
import type { TableInfo } from "../types.js";
import { readHtmlTable, type HtmlTable } from "./html-table.js";
import { lineKinds } from "./line-kinds.js";
import type { LoadedBlock, LoadedText } from "./types.js";

// Markers the formatters leave in the text where a heading starts or a table stood; U+0001
// never occurs in decoded HTML text (control characters are not allowed there).
const MARK = "\u0001";
const MARKER = /^\u0001([HT])(\d+)\u0001(.*)$/u;
const HEADING_TAGS = ["h1", "h2", "h3", "h4", "h5", "h6"];

/** Body text only (html-to-text skips <head>, <script> and <style>), no wrapping, no URLs. */
function bodyOptions(tables: HtmlTable[]): HtmlToTextOptions {
  const heading: FormatCallback = (element, walk, builder) => {
    builder.openBlock({ leadingLineBreaks: 2 });
    builder.addLiteral(`${MARK}H${element.name!.slice(1)}${MARK}`);
    walk(element.children ?? [], builder);
    builder.closeBlock({ trailingLineBreaks: 2 });
  };
  const table: FormatCallback = (element, walk, builder) => {
    const read = readHtmlTable(element);
    if (isLayoutTable(read.rows)) {
      // Page layout: each cell's content is read as ordinary blocks.
      for (const cell of layoutCells(element)) {
        builder.openBlock({ leadingLineBreaks: 2 });
        walk(cell.children ?? [], builder);
        builder.closeBlock({ trailingLineBreaks: 2 });
      }
      return;
    }
    builder.openBlock({ leadingLineBreaks: 2 });
    builder.addLiteral(`${MARK}T${tables.length}${MARK}`);
    tables.push(read);
    builder.closeBlock({ trailingLineBreaks: 2 });
  };
  return {
    wordwrap: false,
    formatters: { heading, table },
    selectors: [
      ...HEADING_TAGS.map((selector) => ({ selector, format: "heading" })),
      { selector: "a", options: { ignoreHref: true } },
      { selector: "img", format: "skip" },
      // An empty prefix would fall back to " * "; the space is trimmed by cleaning.
      { selector: "ul", options: { itemPrefix: " " } },
      { selector: "table", format: "table" },
      { selector: "noscript", format: "skip" },
      { selector: "template", format: "skip" },
    ],
  };
}

function layoutCells(table: DomNode): DomNode[] {
  const cells: DomNode[] = [];
  const visit = (node: DomNode): void => {
    for (const child of node.children ?? []) {
      if (child.type !== "tag") continue;
      if (child.name === "td" || child.name === "th") cells.push(child);
      else if (child.name === "tr" || child.name === "thead" || child.name === "tbody" || child.name === "tfoot") visit(child);
    }
  };
  visit(table);
  return cells;
}

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
 * Returns the visible text of an HTML file as blocks — `<h1>`…`<h6>` as headings with their
 * level, each data `<table>` as one row sentence per row (thead/th headers, colspan/rowspan,
 * `<caption>` or a `表N …` paragraph just above as caption), layout tables read as text, notes
 * and web-page residue marked — and its title from <title>, else the first <h1>. The encoding is
 * the BOM's, else the `<meta charset>`'s, else UTF-8 or GB18030 (see decodeText). Throws
 * IngestError "binary" or "empty".
 */
export async function loadHtml(bytes: Uint8Array, path: string): Promise<LoadedText> {
  // Loaded on first use: a process that only answers (ask, the bot) never reads this format.
  const { convert } = await import("html-to-text");
  const html = decodeText(bytes, path, { declaredCharset: declaredHtmlCharset(bytes) });
  const found: HtmlTable[] = [];
  const converted = convert(html, bodyOptions(found));
  const blocks: LoadedBlock[] = [];
  const tables: TableInfo[] = [];
  for (const line of converted.split(/\n+/u)) {
    if (line.trim() === "") continue;
    const marker = MARKER.exec(line);
    if (marker?.[1] === "H") {
      blocks.push({ text: marker[3]!, kind: "heading", headingLevel: Number(marker[2]) });
      continue;
    }
    if (marker?.[1] === "T") {
      const read = found[Number(marker[2])]!;
      const previous = blocks.at(-1);
      const captionAbove = previous && previous.kind === undefined && isTableCaption(previous.text) ? previous.text.trim() : undefined;
      const caption = read.caption ?? captionAbove;
      const built = tableFromGrid(read.rows, caption === undefined ? {} : { caption });
      if (!built) continue;
      if (previous && captionAbove !== undefined && caption === captionAbove) previous.kind = "caption";
      blocks.push(...builtTableBlocks(built, tables.length));
      tables.push(built.table);
      continue;
    }
    blocks.push({ text: line });
  }
  const kinds = lineKinds(blocks.map((block) => block.text));
  blocks.forEach((block, index) => {
    if (block.kind === undefined && kinds[index] !== undefined) block.kind = kinds[index];
  });
  const loaded: LoadedText = { text: blocks.map((block) => block.text).join("\n"), blocks };
  if (tables.length > 0) loaded.tables = tables;
  const title = elementText(convert, html, "title") ?? elementText(convert, html, "h1");
  if (title !== undefined) loaded.title = title;
  return loaded;
}

/** Returns the text of the first `<tag>` element, entities decoded, or undefined when blank. */
function elementText(convert: typeof import("html-to-text").convert, html: string, tag: string): string | undefined {
  const match = new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}\\s*>`, "iu").exec(html);
  if (!match) return undefined;
  const text = convert(match[1]!, { wordwrap: false }).replace(/\s+/gu, " ").trim();
  return text === "" ? undefined : text;
}
