import type { Answer, Citation } from "../../answer/types.js";
import { emphasisToHtml, withoutEmphasis } from "../../answer/verify/markdown.js";
import { readingNote } from "../../conversation/reading-note.js";
import { texts, type Lang } from "../i18n.js";
import { escapeHtml } from "./escape-html.js";
import { splitMessage, type MessageBlock } from "./split-message.js";

const CLOSEST_PREVIEW_CHARS = 300;

const plain = (text: string): MessageBlock => ({ text, render: escapeHtml });
// Models write **6.2%**; Telegram shows it bold instead of with literal asterisks.
const answerParagraph = (text: string): MessageBlock => ({ text, render: (piece) => emphasisToHtml(piece, escapeHtml) });
const fixed = (html: string): MessageBlock => ({ text: html, render: (text) => text });

/** The citation header line, e.g. `[1] ✅ 已核验 · 《报告》第 3 段`. */
function citationHeader(citation: Citation, lang: Lang): string {
  const mark = citation.verified ? texts.verified(lang) : texts.unverified(lang);
  const ocr = citation.machineRead ? ` · <i>${texts.machineRead(lang)}</i>` : "";
  return `<b>[${citation.n}]</b> ${mark} · 《${escapeHtml(citation.documentTitle)}》${texts.location(lang, citation)}${ocr}`;
}

/** Citations in marker order, one per marker number. */
export function uniqueCitations(citations: Citation[]): Citation[] {
  const byNumber = new Map<number, Citation>();
  for (const citation of [...citations].sort((a, b) => a.n - b.n)) if (!byNumber.has(citation.n)) byNumber.set(citation.n, citation);
  return [...byNumber.values()];
}

/** Returns the answer text as blocks, one per paragraph, with [n] markers kept and markdown emphasis as HTML. */
function answerTextBlocks(text: string): MessageBlock[] {
  return text
    .split(/\n{2,}/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map(answerParagraph);
}

/**
 * Returns the HTML message parts for an answer (each under Telegram's limit, tags balanced):
 * answered → text + 依据/Sources block with a ✅ or ⚠️ 未核验 mark per quote;
 * not_found → explanation + closest passages; failed → a short apology; small talk → the short
 * reply (documents, example questions), no sources. Corrections of the question come first.
 */
export function renderAnswer(answer: Answer, lang: Lang, options: { limit?: number } = {}): string[] {
  const blocks: MessageBlock[] = [];
  if (answer.smallTalk) return splitMessage([fixed(texts.smallTalk(lang, answer.smallTalk))], { limit: options.limit });
  // A follow-up says first how it was read, so a wrong reading is seen before the answer is trusted.
  if (answer.typedQuestion && answer.status !== "failed") blocks.push(plain(readingNote(answer.typedQuestion, answer.question)));
  if (answer.corrections?.length && answer.status !== "failed") blocks.push(fixed(texts.corrections(lang, answer.corrections)));
  if (answer.status === "failed") {
    blocks.push(fixed(texts.failed(lang, answer.error)));
  } else if (answer.status === "not_found") {
    // What the reports give instead is a decline too: plain text, never a ✅ citation.
    blocks.push(answer.instead ? plain(answer.instead) : fixed(`<b>${texts.notFound(lang)}</b>`));
    const closest = answer.closest ?? [];
    if (closest.length > 0) {
      blocks.push(fixed(texts.closest(lang)));
      for (const passage of closest) {
        const preview = passage.text.length > CLOSEST_PREVIEW_CHARS ? `${passage.text.slice(0, CLOSEST_PREVIEW_CHARS)}…` : passage.text;
        const header = `• 《${escapeHtml(passage.documentTitle)}》${texts.paragraph(lang, passage.paragraph)}`;
        blocks.push({ text: preview, render: (text) => `${header}\n<blockquote>${escapeHtml(text)}</blockquote>` });
      }
    }
    blocks.push(fixed(`<i>${texts.rephrase(lang)}</i>`));
  } else {
    blocks.push(...answerTextBlocks(answer.text));
    const citations = uniqueCitations(answer.citations);
    if (citations.length > 0) {
      blocks.push(fixed(`<b>${texts.sources(lang)}</b>`));
      for (const citation of citations) {
        const header = citationHeader(citation, lang);
        blocks.push({ text: citation.quote, render: (text) => `${header}\n<blockquote>${escapeHtml(text)}</blockquote>` });
      }
    }
  }
  return splitMessage(blocks, { limit: options.limit });
}

/** Returns the plain text (no parse mode) shown while an LLM answer streams, cut to fit one message, markdown markers removed. */
export function renderPartialText(text: string, limit = 3900): string {
  // A "**" still waiting for its pair would show as asterisks until the final message.
  const trimmed = withoutEmphasis(text).replace(/\*\*|__/gu, "").trim();
  const body = trimmed.length > limit ? `${trimmed.slice(0, limit)}…` : trimmed;
  return `${body} ▍`;
}
