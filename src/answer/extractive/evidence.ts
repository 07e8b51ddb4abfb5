import type { Sentence } from "../../ingest/types.js";
import type { RetrievedPassage } from "../../retrieve/types.js";
import { totalIdf, type QuestionAnalysis } from "./question-analysis.js";
import { matchWords } from "./word-match.js";

/** A sentence of a retrieved passage with how strongly it contains each question word. */
export interface CandidateSentence {
  /** 0-based position of the passage in the retrieved list. */
  passageIndex: number;
  /** 0-based position of the sentence in its passage. */
  sentenceIndex: number;
  sentence: Sentence;
  documentId: string;
  /** Match strength (0..1) per question word, in `analysis.words` order. */
  matches: number[];
  /** Per question word not matched exactly: the strength of a related word the sentence holds instead (0..1). */
  related: number[];
  /** IDF-weighted share of the question's words the sentence contains (0..1). */
  coverage: number;
  /** The same share counting related words too (each at its strength). */
  relatedCoverage: number;
  /**
   * The same share with each word also weighted by how few candidate sentences contain it: the
   * subject of the question is in most sentences of its passage, the asked-about detail (体重,
   * 校长) in one, and that one tells the sentences apart.
   */
  localCoverage: number;
}

/** The retrieved passages of one document taken together. */
export interface DocumentEvidence {
  documentId: string;
  /** Best-ranked passage of the document. */
  firstPassageIndex: number;
  matches: number[];
  related: number[];
  coverage: number;
}

/** One retrieved passage scored as a whole. */
export interface PassageEvidence {
  passageIndex: number;
  matches: number[];
  related: number[];
  coverage: number;
  relatedCoverage: number;
}

/** Every candidate sentence, passage and document, scored against the question. */
export interface Evidence {
  sentences: CandidateSentence[];
  /** Best coverage (counting related words) first. */
  passages: PassageEvidence[];
  /** Best coverage first. */
  documents: DocumentEvidence[];
}

/** Returns the IDF-weighted share of the question's words that `matches` covers. */
export function coverageOf(analysis: QuestionAnalysis, matches: readonly number[]): number {
  const total = totalIdf(analysis.words);
  if (total === 0) return 0;
  let covered = 0;
  analysis.words.forEach((word, index) => (covered += word.idf * (matches[index] ?? 0)));
  return covered / total;
}

/** Returns the IDF-weighted share of the question's words covered exactly or, failing that, by a related word. */
export function relatedCoverageOf(analysis: QuestionAnalysis, matches: readonly number[], related: readonly number[]): number {
  return coverageOf(analysis, matches.map((match, index) => Math.max(match, related[index] ?? 0)));
}

/**
 * Returns `analysis` with each word's related words narrowed to those some passage contains:
 * they are then looked for in every sentence, clause and document of the passages, cheaply.
 */
export function narrowRelatedWords(analysis: QuestionAnalysis, passages: readonly RetrievedPassage[]): QuestionAnalysis {
  if (!analysis.words.some((word) => word.related)) return analysis;
  const text = passages.map((passage) => passage.chunk.text.toLowerCase()).join("\n");
  return {
    ...analysis,
    words: analysis.words.map((word) => (word.related ? { ...word, related: word.related.filter((related) => text.includes(related.word)) } : word)),
  };
}

/** Returns the sentences of `passages` (each once) and their documents, scored against the question. */
export function gatherEvidence(analysis: QuestionAnalysis, passages: readonly RetrievedPassage[]): Evidence {
  const seen = new Set<string>();
  const sentences: CandidateSentence[] = [];
  const passageEvidence: PassageEvidence[] = [];
  const documentTexts = new Map<string, { firstPassageIndex: number; texts: string[] }>();
  passages.forEach((passage, passageIndex) => {
    const { documentId } = passage.chunk;
    const entry = documentTexts.get(documentId) ?? { firstPassageIndex: passageIndex, texts: [] };
    // A passage is about what its context says too: 合肥's bulletin says only 全市, a 民航 bulletin
    // only 全行业. Its document's title and place and its section path count for the passage and
    // the document; the sentences (what is quoted) are matched on their own words.
    const lowerPassage = withContext(passage).toLowerCase();
    entry.texts.push(lowerPassage);
    documentTexts.set(documentId, entry);
    const passageMatch = matchWords(analysis.words, lowerPassage);
    passageEvidence.push({
      passageIndex,
      ...passageMatch,
      coverage: coverageOf(analysis, passageMatch.matches),
      relatedCoverage: relatedCoverageOf(analysis, passageMatch.matches, passageMatch.related),
    });
    passage.chunk.sentences.forEach((sentence, sentenceIndex) => {
      // Overlapping chunks repeat a sentence; keep its first (best-ranked) occurrence.
      const key = `${documentId}:${sentence.start}`;
      if (seen.has(key)) return;
      seen.add(key);
      const { matches, related } = matchWords(analysis.words, sentence.text.toLowerCase());
      sentences.push({
        passageIndex,
        sentenceIndex,
        sentence,
        documentId,
        matches,
        related,
        coverage: coverageOf(analysis, matches),
        relatedCoverage: relatedCoverageOf(analysis, matches, related),
        localCoverage: 0,
      });
    });
  });
  weighLocally(analysis, sentences);
  const documents = [...documentTexts.entries()]
    .map(([documentId, { firstPassageIndex, texts }]) => {
      const { matches, related } = matchWords(analysis.words, texts.join("\n"));
      return { documentId, firstPassageIndex, matches, related, coverage: coverageOf(analysis, matches) };
    })
    .sort((a, b) => b.coverage - a.coverage || a.firstPassageIndex - b.firstPassageIndex);
  passageEvidence.sort((a, b) => b.relatedCoverage - a.relatedCoverage || a.passageIndex - b.passageIndex);
  return { sentences, passages: passageEvidence, documents };
}

/** Sets each sentence's localCoverage: words weighted by IDF × log((sentences + 1) / (sentences containing it + 0.5)). */
function weighLocally(analysis: QuestionAnalysis, sentences: CandidateSentence[]): void {
  const count = sentences.length;
  const weights = analysis.words.map((word, index) => {
    const containing = sentences.filter((sentence) => (sentence.matches[index] ?? 0) >= 0.5).length;
    return word.idf * Math.log((count + 1) / (containing + 0.5));
  });
  const total = weights.reduce((sum, weight) => sum + Math.max(weight, 0), 0);
  for (const sentence of sentences) {
    let covered = 0;
    weights.forEach((weight, index) => (covered += Math.max(weight, 0) * (sentence.matches[index] ?? 0)));
    sentence.localCoverage = total === 0 ? 0 : covered / total;
  }
}

/** Returns the passage's text after its context: document title, place, section path. */
function withContext({ chunk, document }: RetrievedPassage): string {
  const context = [document?.title ?? chunk.documentTitle, document?.place ?? "", ...(chunk.sectionPath ?? [])].filter((part) => part !== "");
  return context.length === 0 ? chunk.text : `${context.join(" ")}\n${chunk.text}`;
}
