/**
 * The citation verifier: the only code that may set `verified: true`. It proves each quote is
 * verbatim in a retrieved passage, and each figure of the answer is stated, with the same value,
 * subject and direction, by a quote its sentence cites. Its error strings go to logs and,
 * unchanged, into the model's repair prompt.
 */
import type { RetrievedPassage } from "../../retrieve/types.js";
import { readFigureValues } from "../../text/figure-values.js";
import type { AnswerDraft, Citation } from "../types.js";
import { claimText } from "./claim-text.js";
import { withEnglishBaseTerms, withGlossTerms } from "./gloss-terms.js";
import { chineseTermsOfEnglish } from "../../lexicon/english-terms.js";
import { isYearLike, readFigureClaims, termsOf, type FigureClaim, type TermTranslator } from "./figure-claims.js";
import { OWN_AREA_WORDS } from "../../lexicon/places.js";
import { checkFigureSupport, type FigureProblem } from "./figure-support.js";
import { locateQuote, MIN_QUOTE_CHARS, shortestPieceLength, type LocatedQuote } from "./locate-quote.js";
import { findMarkers, normalizeMarkers } from "./markers.js";
import { splitSentences, type AnswerSentence } from "./split-sentences.js";
import { contextProblem, quotedFigureContexts, type QuotedFigureContext } from "./context-agreement.js";
import { passageContexts } from "../context/clause-context.js";
import { readQuestionConstraints } from "../../question/constraints/read-constraints.js";
import type { QuestionConstraints } from "../../question/constraints/types.js";

export { MIN_QUOTE_CHARS } from "./locate-quote.js";

/** What the verifier concluded about a draft. */
export interface DraftVerification {
  /** One per draft citation whose passage exists; `verified` is true only for proven quotes. */
  citations: Citation[];
  /** Clear English sentences, one per problem; empty when `ok`. */
  errors: string[];
  ok: boolean;
  /** The answer text as it is delivered: markers written "[n]" whatever brackets the model used. */
  text: string;
}

/** Options for {@link verifyDraft}. */
export interface VerifyDraftOptions {
  draft: AnswerDraft;
  passages: RetrievedPassage[];
  /**
   * The question asked. When it names a place or period, every answer figure must come from a
   * quote whose context gives it that place and period, or the answer must name the figure's own
   * (context-agreement.ts). Default: not checked.
   */
  question?: string;
  /** English → Chinese report terms, to bind an English answer's figures to their subjects. Default: the bilingual dictionary (CC-CEDICT) translations of its content words, with British spellings, hyphenated and closed compounds read into dictionary forms (lexicon/english-terms.ts). */
  translate?: TermTranslator;
}

const preview = (text: string) => (text.length > 60 ? `${text.slice(0, 60)}…` : text);
const PARAGRAPH_BREAK = /\n\s*\n/gu;

/**
 * Returns the draft's citations with `verified` set on the ones proven, and every problem found.
 * Offsets are canonical-text offsets (chunk start + offset in the chunk), and a verified quote
 * is replaced by the exact canonical text it matched (pieces joined with an ellipsis). A quote
 * found verbatim in exactly one other passage is re-pointed there (`repointed: true`). Never throws.
 */
export function verifyDraft(options: VerifyDraftOptions): DraftVerification {
  const { draft, passages } = options;
  const translate = options.translate ?? chineseTermsOfEnglish;
  const errors: string[] = [];
  const citations: Citation[] = [];
  /** Figures of verified quotes by marker number, for the figure check. */
  const quotedFigures = new Map<number, FigureClaim[]>();
  const constraints = options.question === undefined ? undefined : readQuestionConstraints(options.question);
  const checksContext = constraints !== undefined && (constraints.place !== undefined || constraints.period !== undefined);
  const contexts = passageContexts(passages);
  /** The same figures with the place and period their context gives them, for the context check. */
  const quotedContexts = new Map<number, QuotedFigureContext[]>();

  for (const cited of draft.citations) {
    const passage = passages[cited.passage - 1];
    if (!Number.isInteger(cited.passage) || passage === undefined) {
      errors.push(`citation [${cited.n}] points to no passage (there are ${passages.length} passages, numbered 1 to ${passages.length})`);
      continue;
    }
    const citation = citationFor(cited.n, passage, cited.quote);
    citations.push(citation);
    const shortest = shortestPieceLength(cited.quote);
    if (shortest < MIN_QUOTE_CHARS) {
      errors.push(
        `citation [${cited.n}] quote "${cited.quote}" is too short to prove anything (${shortest} characters, at least ${MIN_QUOTE_CHARS} needed); quote the whole supporting sentence`,
      );
      continue;
    }
    const home = findHome(cited, passages);
    if (typeof home === "string") {
      errors.push(home);
      continue;
    }
    if (home.passage !== passage) Object.assign(citation, citationFor(cited.n, home.passage, cited.quote), { repointed: true as const });
    const figures = prove(citation, home, translate, contexts[passages.indexOf(home.passage)]?.document.place);
    quotedFigures.set(cited.n, [...(quotedFigures.get(cited.n) ?? []), ...figures]);
    if (checksContext) {
      const context = contexts[passages.indexOf(home.passage)] ?? { document: {} };
      const stated = home.located.pieces.flatMap((piece) => quotedFigureContexts(sentenceAround(home.passage.chunk.text, piece), context));
      quotedContexts.set(cited.n, [...(quotedContexts.get(cited.n) ?? []), ...stated]);
    }
  }

  const text = normalizeMarkers(draft.text);
  errors.push(...checkText(text, draft, quotedFigures, translate, checksContext ? { constraints: constraints!, quoted: quotedContexts } : undefined));
  return { citations, errors, ok: errors.length === 0, text };
}

/**
 * Marks `citation` verified with the canonical text and offsets of its located pieces, and
 * returns the figures the quote supports: those of its pieces, plus the years of the sentences
 * around them (a year scopes its whole sentence: "2024年上半年,…增长6.2%").
 */
function prove(citation: Citation, home: { passage: RetrievedPassage; located: LocatedQuote }, translate: TermTranslator, documentPlace: string | undefined): FigureClaim[] {
  const { chunk } = home.passage;
  const pieces = home.located.pieces.map(({ start, end }) => chunk.text.slice(start, end));
  citation.quote = pieces.join(/[\u3400-\u9fff]/u.test(pieces.join("")) ? "……" : " … ");
  citation.start = chunk.start + home.located.pieces[0]!.start;
  citation.end = chunk.start + home.located.pieces.at(-1)!.end;
  citation.verified = true;
  // Glossed terms let an English answer meet the quote's words the dictionary cannot translate into.
  const figures = pieces
    .flatMap((piece) => readFigureClaims(piece, translate))
    .map(withGlossTerms)
    .map((claim) => (documentPlace ? withDocumentPlace(claim, documentPlace) : claim));
  const years = home.located.pieces
    .flatMap((piece) => readFigureValues(sentenceAround(chunk.text, piece)))
    .filter(isYearLike)
    .map((figure) => ({ figure, terms: new Set<string>(), times: new Set<string>(), clause: figure.raw, groupSize: 1 }));
  return [...figures, ...years];
}

const SENTENCE_END = /[。！？!?；;\n]/u;

/** A clause saying 全省 is about the document's place: "Sichuan's industry" binds to it, not to a sibling clause. */
function withDocumentPlace(claim: FigureClaim, place: string): FigureClaim {
  if (!OWN_AREA_WORDS.test(claim.clause)) return claim;
  return { ...claim, terms: new Set([...claim.terms, ...termsOf(place)]) };
}

/** Returns the sentence(s) of `text` holding `span`. */
function sentenceAround(text: string, span: { start: number; end: number }): string {
  let { start, end } = span;
  while (start > 0 && !SENTENCE_END.test(text[start - 1]!)) start--;
  while (end < text.length && !SENTENCE_END.test(text[end - 1]!)) end++;
  return text.slice(start, end);
}

function citationFor(n: number, passage: RetrievedPassage, quote: string): Citation {
  const { chunk } = passage;
  const citation: Citation = { n, documentId: chunk.documentId, documentTitle: chunk.documentTitle, paragraph: chunk.paragraph, chunkId: chunk.id, quote, verified: false };
  // Issue 14: the page the quote starts on (its paragraph's page) and the OCR mark travel with it.
  if (chunk.page !== undefined) citation.page = chunk.page;
  if (chunk.ocr) citation.machineRead = true;
  return citation;
}

/**
 * Returns the passage that holds the quote: the cited one, or else the only other retrieved
 * passage holding it (overlapping passages that hold it at the same place count once); otherwise
 * the error for the repair prompt.
 */
function findHome(cited: AnswerDraft["citations"][number], passages: RetrievedPassage[]): { passage: RetrievedPassage; located: LocatedQuote } | string {
  const own = passages[cited.passage - 1]!;
  const located = locateQuote(own.chunk.text, cited.quote);
  if (located) return { passage: own, located };
  const homes = new Map<string, { passage: RetrievedPassage; located: LocatedQuote; number: number }>();
  passages.forEach((passage, index) => {
    const found = locateQuote(passage.chunk.text, cited.quote);
    if (!found) return;
    const key = `${passage.chunk.documentId}:${passage.chunk.start + found.pieces[0]!.start}`;
    if (!homes.has(key)) homes.set(key, { passage, located: found, number: index + 1 });
  });
  const found = [...homes.values()];
  if (found.length === 1) return found[0]!;
  if (found.length > 1) {
    const numbers = found.map((home) => home.number);
    return `citation [${cited.n}] quote "${preview(cited.quote)}" is not in passage ${cited.passage}; it is in passages ${numbers.join(", ")}, so cite the one you mean, e.g. [${numbers[0]}]`;
  }
  return `citation [${cited.n}] quote "${preview(cited.quote)}" is not found verbatim in passage ${cited.passage} (nor in any other passage); copy the sentence exactly, without changing any character or figure`;
}

/** Checks the answer text: markers resolve to citations, and each figure is supported by a quote its sentence (or the next cited sentence of its paragraph) cites. */
function checkText(
  text: string,
  draft: AnswerDraft,
  quotedFigures: Map<number, FigureClaim[]>,
  translate: TermTranslator,
  context?: { constraints: QuestionConstraints; quoted: Map<number, QuotedFigureContext[]> },
): string[] {
  const errors: string[] = [];
  if (text.trim() === "") errors.push("the answer text is empty");
  const citedNumbers = new Set(draft.citations.map((citation) => citation.n));
  const reported = new Set<number>();
  for (const marker of findMarkers(text)) {
    for (const n of marker.numbers) {
      if (citedNumbers.has(n) || reported.has(n)) continue;
      reported.add(n);
      errors.push(`marker [${n}] in the answer has no citation with n=${n}`);
    }
  }
  if (draft.citations.length === 0 && text.trim() !== "") {
    errors.push("the answer cites no passage; every claim needs a [n] marker and a verbatim quote");
  }
  const paragraphBreaks = [...text.matchAll(PARAGRAPH_BREAK)].map((match) => match.index);
  const paragraphOf = (sentence: AnswerSentence) => paragraphBreaks.filter((index) => index < sentence.start).length;
  const sentences = splitSentences(text);
  for (const [index, sentence] of sentences.entries()) {
    const claims = readFigureClaims(claimText(sentence.text), translate).map(withEnglishBaseTerms);
    if (claims.length === 0) continue;
    let numbers = findMarkers(sentence.text).flatMap((marker) => marker.numbers);
    if (numbers.length === 0) {
      // "…增长6.2%。六大优势产业增长6.6%[1]。": one marker at the end of the paragraph covers the sentences before it.
      const next = sentences.slice(index + 1).find((candidate) => paragraphOf(candidate) === paragraphOf(sentence) && findMarkers(candidate.text).length > 0);
      numbers = next ? findMarkers(next.text).flatMap((marker) => marker.numbers) : [];
    }
    if (numbers.length === 0) {
      errors.push(`sentence "${preview(sentence.text.trim())}" states ${claims.map((claim) => claim.figure.raw).join(", ")} but cites no passage`);
      continue;
    }
    const quoted = numbers.flatMap((n) => quotedFigures.get(n) ?? []);
    const markers = numbers.map((n) => `[${n}]`).join("");
    for (const claim of claims) {
      const problem = checkFigureSupport(claim, quoted);
      if (problem) errors.push(describeProblem(claim, problem, sentence.text.trim(), markers));
      else if (context && !isYearLike(claim.figure)) {
        const stated = numbers.flatMap((n) => context.quoted.get(n) ?? []);
        const mismatch = contextProblem(claim.figure, claimText(sentence.text), stated, context.constraints);
        if (mismatch) errors.push(`figure "${claim.figure.raw}" in sentence "${preview(sentence.text.trim())}" is not about what was asked: ${mismatch}`);
      }
    }
  }
  return errors;
}

function describeProblem(claim: FigureClaim, problem: FigureProblem, sentence: string, markers: string): string {
  const where = `figure "${claim.figure.raw}" in sentence "${preview(sentence)}"`;
  switch (problem.reason) {
    case "absent":
      return `${where} does not appear in any verified quote cited by that sentence (${markers}); copy figures exactly as the quote writes them`;
    case "direction":
      return `${where} says it ${claim.direction === "up" ? "rose" : "fell"}, but the quote cited by that sentence (${markers}) says it ${problem.quoted.direction === "up" ? "rose" : problem.quoted.direction === "down" ? "fell" : "is a level, not a change"}: "${preview(problem.quoted.clause)}"; keep the direction the quote gives`;
    case "time":
      return `${where} is given to another time: in the quote cited by that sentence (${markers}), ${problem.quoted.figure.raw} is stated for "${preview(problem.quoted.clause)}"; keep the year or period the quote gives`;
    case "subject":
      return `${where} is given to the wrong subject: in the quote cited by that sentence (${markers}), ${problem.quoted.figure.raw} belongs to "${preview(problem.quoted.clause)}", while "${preview(problem.closer.clause)}" is the clause that matches the answer's subject; give each figure the subject the quote gives it`;
  }
}
