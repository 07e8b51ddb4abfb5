/**
 * The citation verifier: the only code that may set `verified: true`. It proves each quote is
 * verbatim in the passage it cites, and each figure in the answer is in a quote its sentence
 * cites. Its error strings go to logs and, unchanged, into the model's repair prompt.
 */
import type { RetrievedPassage } from "../../retrieve/types.js";
import { extractFigures, figureAppearsIn } from "../../text/figures.js";
import { findVerbatim, normalizeForMatch } from "../../text/normalize.js";
import type { AnswerDraft, Citation } from "../types.js";
import { claimText } from "./claim-text.js";
import { findMarkers } from "./markers.js";
import { splitSentences } from "./split-sentences.js";

/** Quotes shorter than this (after normalisation) prove nothing: "6.2%" alone is in many sentences. */
export const MIN_QUOTE_CHARS = 6;

/** What the verifier concluded about a draft. */
export interface DraftVerification {
  /** One per draft citation whose passage exists; `verified` is true only for proven quotes. */
  citations: Citation[];
  /** Clear English sentences, one per problem; empty when `ok`. */
  errors: string[];
  ok: boolean;
}

const preview = (text: string) => (text.length > 60 ? `${text.slice(0, 60)}…` : text);

/**
 * Returns the draft's citations with `verified` set on the ones proven, and every problem found.
 * Offsets are canonical-text offsets (chunk start + offset in the chunk), and a verified quote
 * is replaced by the exact canonical slice it matched. Never throws.
 */
export function verifyDraft(options: { draft: AnswerDraft; passages: RetrievedPassage[] }): DraftVerification {
  const { draft, passages } = options;
  const errors: string[] = [];
  const citations: Citation[] = [];
  /** Verified quotes by marker number, for the figure check. */
  const provenQuotes = new Map<number, string[]>();

  for (const cited of draft.citations) {
    const passage = passages[cited.passage - 1];
    if (!Number.isInteger(cited.passage) || passage === undefined) {
      errors.push(`citation [${cited.n}] points to no passage (there are ${passages.length} passages, numbered 1 to ${passages.length})`);
      continue;
    }
    const chunk = passage.chunk;
    const citation: Citation = {
      n: cited.n,
      documentId: chunk.documentId,
      documentTitle: chunk.documentTitle,
      paragraph: chunk.paragraph,
      chunkId: chunk.id,
      quote: cited.quote,
      verified: false,
    };
    citations.push(citation);
    const problem = checkQuote(cited, passages);
    if (problem) {
      errors.push(problem);
      continue;
    }
    const found = findVerbatim(chunk.text, cited.quote)!;
    citation.quote = chunk.text.slice(found.start, found.end);
    citation.start = chunk.start + found.start;
    citation.end = chunk.start + found.end;
    citation.verified = true;
    provenQuotes.set(cited.n, [...(provenQuotes.get(cited.n) ?? []), citation.quote]);
  }

  errors.push(...checkText(draft, provenQuotes));
  return { citations, errors, ok: errors.length === 0 };
}

/** Returns why a citation's quote is not proof, or undefined when it is verbatim in its own passage. */
function checkQuote(cited: AnswerDraft["citations"][number], passages: RetrievedPassage[]): string | undefined {
  const length = normalizeForMatch(cited.quote).text.length;
  if (length < MIN_QUOTE_CHARS) {
    return `citation [${cited.n}] quote "${cited.quote}" is too short to prove anything (${length} characters, at least ${MIN_QUOTE_CHARS} needed); quote the whole supporting sentence`;
  }
  if (findVerbatim(passages[cited.passage - 1]!.chunk.text, cited.quote)) return undefined;
  const elsewhere = passages.findIndex((passage) => findVerbatim(passage.chunk.text, cited.quote));
  if (elsewhere !== -1) {
    return `citation [${cited.n}] quote "${preview(cited.quote)}" is not in passage ${cited.passage}; it is in passage ${elsewhere + 1}, so cite [${elsewhere + 1}]`;
  }
  return `citation [${cited.n}] quote "${preview(cited.quote)}" is not found verbatim in passage ${cited.passage} (nor in any other passage); copy the sentence exactly, without changing any character or figure`;
}

/** Checks the answer text: markers resolve to citations, and each figure is in a quote its sentence cites. */
function checkText(draft: AnswerDraft, provenQuotes: Map<number, string[]>): string[] {
  const errors: string[] = [];
  if (draft.text.trim() === "") errors.push("the answer text is empty");
  const citedNumbers = new Set(draft.citations.map((citation) => citation.n));
  const reported = new Set<number>();
  for (const marker of findMarkers(draft.text)) {
    for (const n of marker.numbers) {
      if (citedNumbers.has(n) || reported.has(n)) continue;
      reported.add(n);
      errors.push(`marker [${n}] in the answer has no citation with n=${n}`);
    }
  }
  if (draft.citations.length === 0 && draft.text.trim() !== "") {
    errors.push("the answer cites no passage; every claim needs a [n] marker and a verbatim quote");
  }
  for (const sentence of splitSentences(draft.text)) {
    const figures = extractFigures(claimText(sentence.text));
    if (figures.length === 0) continue;
    const numbers = findMarkers(sentence.text).flatMap((marker) => marker.numbers);
    if (numbers.length === 0) {
      errors.push(`sentence "${preview(sentence.text.trim())}" states ${figures.map((figure) => figure.raw).join(", ")} but cites no passage`);
      continue;
    }
    const quotes = numbers.flatMap((n) => provenQuotes.get(n) ?? []);
    for (const figure of figures) {
      if (quotes.some((quote) => figureAppearsIn(figure, quote))) continue;
      errors.push(
        `figure "${figure.raw}" in sentence "${preview(sentence.text.trim())}" does not appear in any verified quote cited by that sentence (${numbers.map((n) => `[${n}]`).join("")}); copy figures exactly as the quote writes them`,
      );
    }
  }
  return errors;
}
