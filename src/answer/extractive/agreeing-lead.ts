/**
 * The lead clause must agree with every constraint the question states (indicator, place,
 * period, modality, level). This picks, among the best-ranked sentences, the first whose best
 * agreeing clause stands out; when none agrees it names what the best sentence gives instead.
 */
import { constraintDifferences, type StatedContext } from "../../question/constraints/agreement.js";
import type { ConstraintDifference, QuestionConstraints } from "../../question/constraints/types.js";
import { clauseStatement, type PassageContext } from "../context/clause-context.js";
import { answerClauses, leadClause } from "./lead-clause.js";
import type { QuestionAnalysis } from "./question-analysis.js";
import type { RankedSentence } from "./select-evidence.js";
import { matchWords, PRESENT_MATCH } from "./word-match.js";
import { tagWords } from "../../lexicon/jieba.js";
import { readFigureValues } from "../../text/figure-values.js";
import { isYearLike } from "../verify/figure-claims.js";
import { askedIndicator } from "../../question/constraints/indicator.js";
import { readLevel } from "../../question/constraints/level.js";
import { readPlaces } from "../../question/constraints/place.js";

/** How many of the best-ranked sentences may lead when the best one states something else. */
const LOOK_AHEAD = 4;
/**
 * A later sentence may lead only when it holds at least this share of the best sentence's words
 * (counting related words): further down the ranking, an agreeing clause is more often about
 * another subject than the one asked.
 */
const MIN_RELATIVE_COVERAGE = 0.6;

/** What the question's constraints make of the ranked evidence. */
export type LeadChoice =
  | { kind: "agrees"; sentence: RankedSentence; clause: string }
  | { kind: "differs"; sentence: RankedSentence; clause: string; differences: ConstraintDifference[] }
  | { kind: "open" };

/**
 * Returns the lead the constraints allow: `agrees` with the first ranked sentence (of the best
 * few) holding a clause that agrees on every constraint and names at least the subject words the
 * best sentence's own lead clause names (so 国家级 asked does not lead with another subject's
 * 国家 figure); `differs` with the best-ranked clause about the subject that disagrees, when none
 * agrees; `open` otherwise (the question is not about a figure, the best agreeing clauses tie,
 * or nothing could be checked: the sentences are then quoted as they stand).
 */
export function chooseAgreeingLead(options: {
  analysis: QuestionAnalysis;
  question: string;
  constraints: QuestionConstraints;
  ranked: readonly RankedSentence[];
  contexts: readonly PassageContext[];
}): LeadChoice {
  const { analysis, question, constraints, ranked, contexts } = options;
  if (analysis.type !== "quantity" || ranked.length === 0) return { kind: "open" };
  const differencesOf = (candidate: RankedSentence, clause: string): ConstraintDifference[] | undefined => {
    const stated = clauseStatement(clause, candidate.sentence.text, contexts[candidate.passageIndex] ?? { document: {} });
    return stated ? constraintDifferences(constraints, stated, question, analysis.language) : undefined;
  };
  const subject = subjectWordIndexes(analysis);
  const best = ranked[0]!;
  const unfiltered = leadClause(analysis, best.sentence.text);
  const subjectOf = (sentence: string, clause: string) => coveredWords(analysis, subject, withInheritedSubject(sentence, clause));
  const reference = unfiltered === undefined ? [] : subjectOf(best.sentence.text, unfiltered);
  const aboutSubject = (sentence: string, clause: string) => {
    const covered = new Set(subjectOf(sentence, clause));
    return (subject.length === 0 || covered.size > 0) && reference.every((index) => covered.has(index)) && inheritedHeadAsked(analysis, sentence, clause);
  };
  // A best sentence stating a figure the answerer cannot read (English "14 new factories") is
  // quoted as it stands; one stating no amount at all, only years and ordinals (a table's note:
  // "根据第五次全国经济普查…对2019-2023年…数据进行修订"), does not answer "how much", and a later
  // sentence may lead.
  const statesFigure = readFigureValues(best.sentence.text).some((figure) => !isYearLike(figure) && figure.kind !== "rank" && figure.kind !== "top");
  if (answerClauses(analysis, best.sentence.text).length === 0 && statesFigure) return { kind: "open" };
  const candidates = ranked.slice(0, LOOK_AHEAD).filter((candidate) => candidate === best || candidate.relatedCoverage >= best.relatedCoverage * MIN_RELATIVE_COVERAGE);
  for (const candidate of candidates) {
    const accept = (text: string) => aboutSubject(candidate.sentence.text, text) && (differencesOf(candidate, text) ?? [undefined]).length === 0;
    const clause = leadClause(analysis, candidate.sentence.text, accept);
    if (clause !== undefined) return { kind: "agrees", sentence: candidate, clause };
    // Agreeing clauses that tie: the sentence holds the answer, but no clause of it stands out.
    if (answerClauses(analysis, candidate.sentence.text).some(accept)) return { kind: "open" };
  }
  for (const candidate of candidates) {
    const lead = candidate === best ? unfiltered : leadClause(analysis, candidate.sentence.text);
    const clauses = lead !== undefined ? [lead] : answerClauses(analysis, candidate.sentence.text);
    for (const clause of clauses) {
      const differences = differencesOf(candidate, clause);
      if (differences && differences.length > 0 && (subject.length === 0 || subjectOf(candidate.sentence.text, clause).length > 0)) {
        return { kind: "differs", sentence: candidate, clause, differences };
      }
    }
  }
  return { kind: "open" };
}

/**
 * Indexes of the question words that name its subject: not numbers or times, not places or
 * administrative levels (constraints checked on their own), not the words naming the kind of
 * figure (增长, 比重, 排名), which the figure itself states.
 */
function subjectWordIndexes(analysis: QuestionAnalysis): number[] {
  return analysis.words.flatMap((word, index) => {
    if (word.kind === "number" || word.kind === "time" || word.kind === "place" || word.kind === "function") return [];
    if (/\d/u.test(word.text) || readLevel(word.text) || readPlaces(word.text).length > 0) return [];
    if (askedIndicator(word.text, [{ word: word.text, tag: "n" }], undefined) !== undefined) return [];
    return [index];
  });
}

/**
 * Returns `clause` with the clause before it in `sentence` when it names no subject of its own
 * ("…占规上工业比重22.3%、提升1.8个百分点": what rose is the share named before).
 */
function withInheritedSubject(sentence: string, clause: string): string {
  const own = clause.replace(/[\d.%％]+|[年月日]|再|又|同比|增长|下降|提升|提高|上升|减少|个百分点|了/gu, "");
  if (/[\u3400-\u9fff]{2,}/u.test(own)) return clause;
  const position = sentence.indexOf(clause);
  if (position <= 0) return clause;
  const previous = sentence.slice(0, position).split(/[，,；;：:、]/u).filter((piece) => piece.trim() !== "").at(-1) ?? "";
  return `${previous}${clause}`;
}

/**
 * For a clause that names no subject of its own ("2023年再下降3.4%"), true when the head of the
 * subject it inherits — the last noun before the verb or 在 — is a word the question asks about:
 * after "规模以上工业单位增加值能耗在…下降26.85%", 3.4% is 能耗's, not 增加值's. Clauses naming their
 * own subject are judged by their words alone.
 */
function inheritedHeadAsked(analysis: QuestionAnalysis, sentence: string, clause: string): boolean {
  const inherited = withInheritedSubject(sentence, clause);
  if (inherited === clause) return true;
  const subjectPart = inherited.slice(0, inherited.length - clause.length).split(/在|同比|比上年|增长|下降|提升|提高|上升|减少|占|达|为/u)[0] ?? "";
  const nouns = tagWords(subjectPart).filter(({ tag }) => tag.startsWith("n") || tag === "vn");
  const head = nouns.at(-1)?.word;
  if (!head) return true;
  const { matches, related } = matchWords(analysis.words, head.toLowerCase());
  return analysis.words.some((word, index) => word.text === head || (matches[index] ?? 0) >= PRESENT_MATCH || (related[index] ?? 0) > 0);
}

/** Returns the subject word indexes `clause` contains, as asked, as an abbreviation, or in a related word. */
function coveredWords(analysis: QuestionAnalysis, subject: readonly number[], clause: string): number[] {
  const { matches, related } = matchWords(analysis.words, clause.toLowerCase());
  return subject.filter((index) => (matches[index] ?? 0) >= PRESENT_MATCH || (related[index] ?? 0) > 0);
}
