import { joinWrappedLine } from "./join-lines.js";

/** Markdown → plain paragraphs: the text a reader sees, without the syntax around it. */

const FENCE = /^\s{0,3}(`{3,}|~{3,})/u;
const ATX_HEADING = /^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/u;
const SETEXT_UNDERLINE = /^\s{0,3}(=+|-+)\s*$/u;
const THEMATIC_BREAK = /^\s{0,3}([-*_])(?:\s*\1){2,}\s*$/u;
const REFERENCE_DEFINITION = /^\s{0,3}\[[^\]]+\]:\s*\S+/u;
const TABLE_DELIMITER = /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/u;
const LIST_ITEM = /^\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?(.*)$/u;
const BLOCKQUOTE = /^\s{0,3}(?:>\s?)+/u;

/**
 * Returns the plain text of a Markdown document, one paragraph per line, and the first level-1
 * heading as title. A wrapped paragraph becomes one line (see joinWrappedLine); headings, list
 * items, table rows and code lines are lines of their own. Never throws.
 */
export function markdownToText(markdown: string): { title?: string; text: string } {
  const lines = stripFrontMatter(markdown.replace(/\r\n?/gu, "\n").split("\n"));
  const blocks: string[] = [];
  let paragraph: string[] = [];
  let title: string | undefined;
  let fence: string | undefined;
  const flush = (): void => {
    if (paragraph.length > 0) blocks.push(inlineText(paragraph.reduce(joinWrappedLine, "")));
    paragraph = [];
  };

  for (const rawLine of lines) {
    if (fence !== undefined) {
      if (rawLine.trim().startsWith(fence)) fence = undefined;
      else blocks.push(rawLine);
      continue;
    }
    const fenceMatch = FENCE.exec(rawLine);
    if (fenceMatch) {
      flush();
      fence = fenceMatch[1]!.slice(0, 3);
      continue;
    }
    const line = rawLine.replace(BLOCKQUOTE, "");
    if (line.trim() === "") {
      flush();
      continue;
    }
    const setext = SETEXT_UNDERLINE.exec(line);
    if (setext && paragraph.length > 0) {
      const heading = inlineText(paragraph.reduce(joinWrappedLine, ""));
      if (title === undefined && setext[1]!.startsWith("=")) title = heading;
      paragraph = [];
      blocks.push(heading);
      continue;
    }
    const tableDelimiter = TABLE_DELIMITER.test(line) && line.includes("|");
    if (THEMATIC_BREAK.test(line) || REFERENCE_DEFINITION.test(line) || tableDelimiter) {
      flush();
      continue;
    }
    const heading = ATX_HEADING.exec(line);
    if (heading) {
      flush();
      const text = inlineText(heading[2]!);
      if (title === undefined && heading[1] === "#" && text !== "") title = text;
      blocks.push(text);
      continue;
    }
    if (line.trim().startsWith("|")) {
      flush();
      blocks.push(tableRow(line));
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      flush();
      paragraph.push(item[1]!);
      continue;
    }
    paragraph.push(line.trim());
  }
  flush();
  const text = blocks.filter((block) => block.trim() !== "").join("\n");
  return title === undefined ? { text } : { title, text };
}

function stripFrontMatter(lines: string[]): string[] {
  if (lines[0]?.trim() !== "---") return lines;
  const close = lines.findIndex((line, index) => index > 0 && (line.trim() === "---" || line.trim() === "..."));
  return close === -1 ? lines : lines.slice(close + 1);
}

function tableRow(line: string): string {
  const cells = line.trim().replace(/^\|/u, "").replace(/\|$/u, "").split("|");
  return cells.map((cell) => inlineText(cell.trim())).filter((cell) => cell !== "").join(" ");
}

const ENTITIES: Readonly<Record<string, string>> = {
  "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&nbsp;": " ",
};
// Escaped punctuation is parked in the Private Use Area so the syntax rules cannot touch it.
const PRIVATE_USE_BASE = 0xe000;

function park(char: string): string {
  return String.fromCharCode(PRIVATE_USE_BASE + char.charCodeAt(0));
}

/** Returns a line of Markdown with inline syntax (links, emphasis, code, HTML) removed. */
function inlineText(markdown: string): string {
  return markdown
    .replace(/\\([!-/:-@[-`{-~])/gu, (_match, char: string) => park(char))
    .replace(/<!--[\s\S]*?-->/gu, "")
    .replace(/!\[([^\]]*)\]\([^)]*\)/gu, "$1")
    .replace(/\[([^\]]+)\]\([^)]*\)/gu, "$1")
    .replace(/\[([^\]]+)\]\[[^\]]*\]/gu, "$1")
    .replace(/<((?:https?|mailto):[^>\s]+)>/gu, "$1")
    .replace(/<\/?[a-zA-Z][^>]*>/gu, "")
    .replace(/(`+)(.+?)\1/gu, "$2")
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/gu, "$2")
    .replace(/\*(?=\S)(.+?)(?<=\S)\*/gu, "$1")
    .replace(/(?<![\p{L}\p{N}])_(?=\S)(.+?)(?<=\S)_(?![\p{L}\p{N}])/gu, "$1")
    .replace(/~~(.+?)~~/gu, "$1")
    .replace(/&(?:amp|lt|gt|quot|#39|nbsp);/gu, (entity) => ENTITIES[entity] ?? entity)
    .replace(/[\ue000-\ue07f]/gu, (char) => String.fromCharCode(char.charCodeAt(0) - PRIVATE_USE_BASE));
}
