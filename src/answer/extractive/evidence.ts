import type { Sentence } from "../../ingest/types.js";
import type { RetrievedPassage } from "../../retrieve/types.js";
import { totalIdf, type QuestionAnalysis } from "./question-analysis.js";
import { matchStrength } from "./word-match.js";

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
  /** IDF-weighted share of the question's words the sentence contains (0..1). */
  coverage: number;
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
  coverage: number;
}

/** One retrieved passage scored as a whole. */
export interface PassageEvidence {
  passageIndex: number;
  matches: number[];
  coverage: number;
}

/** Every candidate sentence, passage and document, scored against the question. */
export interface Evidence {
  sentences: CandidateSentence[];
  /** Best coverage first. */
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

/** Returns the sentences of `passages` (each once) and their documents, scored against the question. */
export function gatherEvidence(analysis: QuestionAnalysis, passages: readonly RetrievedPassage[]): Evidence {
  const seen = new Set<string>();
  const sentences: CandidateSentence[] = [];
  const passageEvidence: PassageEvidence[] = [];
  const documentTexts = new Map<string, { firstPassageIndex: number; texts: string[] }>();
  passages.forEach((passage, passageIndex) => {
    const { documentId } = passage.chunk;
    const entry = documentTexts.get(documentId) ?? { firstPassageIndex: passageIndex, texts: [] };
    const lowerPassage = passage.chunk.text.toLowerCase();
    entry.texts.push(lowerPassage);
    documentTexts.set(documentId, entry);
    const passageMatches = analysis.words.map((word) => matchStrength(word, lowerPassage));
    passageEvidence.push({ passageIndex, matches: passageMatches, coverage: coverageOf(analysis, passageMatches) });
    passage.chunk.sentences.forEach((sentence, sentenceIndex) => {
      // Overlapping chunks repeat a sentence; keep its first (best-ranked) occurrence.
      const key = `${documentId}:${sentence.start}`;
      if (seen.has(key)) return;
      seen.add(key);
      const lower = sentence.text.toLowerCase();
      const matches = analysis.words.map((word) => matchStrength(word, lower));
      sentences.push({ passageIndex, sentenceIndex, sentence, documentId, matches, coverage: coverageOf(analysis, matches), localCoverage: 0 });
    });
  });
  weighLocally(analysis, sentences);
  const documents = [...documentTexts.entries()]
    .map(([documentId, { firstPassageIndex, texts }]) => {
      const text = texts.join("\n");
      const matches = analysis.words.map((word) => matchStrength(word, text));
      return { documentId, firstPassageIndex, matches, coverage: coverageOf(analysis, matches) };
    })
    .sort((a, b) => b.coverage - a.coverage || a.firstPassageIndex - b.firstPassageIndex);
  passageEvidence.sort((a, b) => b.coverage - a.coverage || a.passageIndex - b.passageIndex);
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

