/**
 * The features the fitted models read: one vector per question for the answer-or-decline
 * decision, one per candidate sentence for choosing the evidence. Names are stored with the
 * weights (fitted-weights.json), so a renamed or reordered feature cannot be read with the
 * wrong weight.
 */
import { NAMING_KINDS } from "../../lexicon/word-kinds.js";
import type { RetrievedPassage } from "../../retrieve/types.js";
import { holdsAnswerKind } from "./answer-kind.js";
import { relatedCoverageOf, type CandidateSentence, type Evidence } from "./evidence.js";
import { totalIdf, type QuestionAnalysis } from "./question-analysis.js";
import { QUESTION_TYPES } from "./question-type.js";
import { matchWords, PRESENT_MATCH } from "./word-match.js";

/** IDF values are divided by this (about the largest IDF in the table) to keep features near 0..1. */
const IDF_SCALE = 12;

/** Names of the decision features, in vector order. */
export const DECISION_FEATURES = [
  "passageCoverage",
  "sentenceCoverage",
  "exactPassageCoverage",
  "relatedShare",
  "missingNamingShare",
  "missingUnknownShare",
  "missingNounShare",
  "missingVerbShare",
  "missingOtherShare",
  "maxMissingIdf",
  "missingNamingAny",
  "maxMissingNounIdf",
  "missingWords",
  "missingNumber",
  "keywordMargin",
  "contentWords",
  "answerKindInSentence",
  "clauseCoverage",
  "clauseHoldsKind",
  ...QUESTION_TYPES.map((type) => `type:${type}`),
] as const;

/** Names of the sentence features, in vector order. */
export const SENTENCE_FEATURES = [
  "coverage",
  "coverageBehindBest",
  "localCoverage",
  "localCoverageBehindBest",
  "relatedCoverage",
  "relatedCoverageBehindBest",
  "documentCoverage",
  "inBestDocument",
  "passageRank",
  "firstOfPassage",
  "answerKind",
  "length",
  "exactShare",
  "answerKindNamed",
  "answerKindQuantity",
  "answerKindTime",
  "answerKindList",
  "clauseCoverage",
  "clauseHoldsKind",
] as const;

/** Returns the sentence feature vector of `candidate`. */
export function sentenceFeatures(
  analysis: QuestionAnalysis,
  evidence: Evidence,
  candidate: CandidateSentence,
  best: { coverage: number; localCoverage: number; relatedCoverage: number },
): number[] {
  const document = evidence.documents.find((item) => item.documentId === candidate.documentId);
  const words = analysis.words.length;
  const kind = holdsAnswerKind(analysis, candidate.sentence.text) ? 1 : 0;
  const named = ["person", "place", "entity", "other"].includes(analysis.type) ? kind : 0;
  return [
    candidate.coverage,
    best.coverage - candidate.coverage,
    candidate.localCoverage,
    best.localCoverage - candidate.localCoverage,
    candidate.relatedCoverage,
    best.relatedCoverage - candidate.relatedCoverage,
    document?.coverage ?? 0,
    evidence.documents[0]?.documentId === candidate.documentId ? 1 : 0,
    1 / (1 + candidate.passageIndex),
    candidate.sentenceIndex === 0 ? 1 : 0,
    kind,
    Math.log(1 + candidate.sentence.text.length) / 5,
    words === 0 ? 0 : candidate.matches.filter((match) => match === 1).length / words,
    named,
    analysis.type === "quantity" ? kind : 0,
    analysis.type === "time" ? kind : 0,
    analysis.type === "list" ? kind : 0,
    ...bestClause(analysis, candidate),
  ];
}

/** Returns the decision feature vector for a question whose best sentence is `best`. */
export function decisionFeatures(
  analysis: QuestionAnalysis,
  evidence: Evidence,
  passages: readonly RetrievedPassage[],
  best: CandidateSentence | undefined,
): number[] {
  const total = totalIdf(analysis.words) || 1;
  // Coverage is the best single passage's, not the union of a document's passages: a long
  // report's five passages together mention almost anything, a short article's do not. What is
  // missing is judged against that passage's whole retrieved document: a report about 四川 need
  // not repeat 四川 in every paragraph.
  const passage = evidence.passages[0];
  const passageDocument = passage ? passages[passage.passageIndex]?.chunk.documentId : undefined;
  const document = evidence.documents.find((item) => item.documentId === passageDocument);
  const matches = passage?.matches ?? analysis.words.map(() => 0);
  const documentMatches = document?.matches ?? matches;
  const documentRelated = document?.related ?? passage?.related ?? [];
  let exact = 0;
  let related = 0;
  let missingNaming = 0;
  let missingUnknown = 0;
  let missingNoun = 0;
  let missingVerb = 0;
  let missingOther = 0;
  let maxMissing = 0;
  let maxMissingNoun = 0;
  let missingWords = 0;
  let missingNumber = 0;
  analysis.words.forEach((word, index) => {
    if ((matches[index] ?? 0) === 1) exact += word.idf;
    if ((documentMatches[index] ?? 0) >= PRESENT_MATCH) return;
    // A word the document says differently (企业 for 公司) is not missing; how much that counts is fitted.
    if ((documentRelated[index] ?? 0) > 0) {
      related += word.idf;
      return;
    }
    if (NAMING_KINDS.has(word.kind)) missingNaming += word.idf;
    else if (word.kind === "unknown") missingUnknown += word.idf;
    else if (word.kind === "noun") missingNoun += word.idf;
    else if (word.kind === "verb") missingVerb += word.idf;
    else missingOther += word.idf;
    maxMissing = Math.max(maxMissing, word.idf);
    if (word.kind === "noun") maxMissingNoun = Math.max(maxMissingNoun, word.idf);
    missingWords += 1;
    if (word.kind === "number") missingNumber = 1;
  });
  const first = passages[0]?.scores.keyword;
  const second = passages[1]?.scores.keyword;
  const margin = first !== undefined && first > 0 ? Math.min(1, Math.max(0, (first - (second ?? 0)) / first)) : 0;
  return [
    passage?.relatedCoverage ?? 0,
    best?.relatedCoverage ?? 0,
    exact / total,
    related / total,
    missingNaming / total,
    missingUnknown / total,
    missingNoun / total,
    missingVerb / total,
    missingOther / total,
    maxMissing / IDF_SCALE,
    missingNaming > 0 ? 1 : 0,
    maxMissingNoun / IDF_SCALE,
    Math.min(missingWords, 4) / 4,
    missingNumber,
    margin,
    Math.log(1 + analysis.words.length) / 3,
    best && holdsAnswerKind(analysis, best.sentence.text) ? 1 : 0,
    // A long sentence holds some figure; whether the clause about the question holds one is what tells.
    ...(best ? bestClause(analysis, best) : [0, 0]),
    ...QUESTION_TYPES.map((type) => (analysis.type === type ? 1 : 0)),
  ];
}

/** Returns the best coverage, local coverage and coverage with related words among `sentences` (0 when none). */
export function bestCoverages(sentences: readonly CandidateSentence[]): { coverage: number; localCoverage: number; relatedCoverage: number } {
  return {
    coverage: sentences.reduce((best, sentence) => Math.max(best, sentence.coverage), 0),
    localCoverage: sentences.reduce((best, sentence) => Math.max(best, sentence.localCoverage), 0),
    relatedCoverage: sentences.reduce((best, sentence) => Math.max(best, sentence.relatedCoverage), 0),
  };
}

const CLAUSE_BREAK = /[,，;；:：]/u;

/**
 * Returns the coverage of the sentence's best-covered clause and whether that clause, or the one
 * after it, holds a value of the kind asked: the answer usually sits next to the question's words.
 */
function bestClause(analysis: QuestionAnalysis, candidate: CandidateSentence): [number, number] {
  const clauses = candidate.sentence.text.split(CLAUSE_BREAK).filter((clause) => clause.trim().length > 0);
  if (clauses.length <= 1) return [candidate.relatedCoverage, holdsAnswerKind(analysis, candidate.sentence.text) ? 1 : 0];
  let best = { index: 0, coverage: -1 };
  clauses.forEach((clause, index) => {
    const { matches, related } = matchWords(analysis.words, clause.toLowerCase());
    const coverage = relatedCoverageOf(analysis, matches, related);
    if (coverage > best.coverage) best = { index, coverage };
  });
  const near = [clauses[best.index], clauses[best.index + 1]].filter((clause): clause is string => clause !== undefined);
  return [best.coverage, near.some((clause) => holdsAnswerKind(analysis, clause)) ? 1 : 0];
}
