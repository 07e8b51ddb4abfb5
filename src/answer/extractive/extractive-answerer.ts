import { bilingualDictionary } from "../../lexicon/bilingual-dictionary.js";
import type { WordKind } from "../../lexicon/word-kinds.js";
import type { RetrievedPassage } from "../../retrieve/types.js";
import type { AnswerDraft, Answerer, AnswerRequest } from "../types.js";
import { assessQuestion } from "./answerability.js";
import type { Evidence } from "./evidence.js";
import { answersAlone, leadClause } from "./lead-clause.js";
import type { QuestionAnalysis } from "./question-analysis.js";
import { selectEvidence, type RankedSentence } from "./select-evidence.js";
import { PRESENT_MATCH } from "./word-match.js";
import { chooseAgreeingLead } from "./agreeing-lead.js";
import { passageContexts } from "../context/clause-context.js";
import { describeDifferences } from "../../question/constraints/agreement.js";
import { readQuestionConstraints } from "../../question/constraints/read-constraints.js";

const SENTENCE_END = /([。！？.!?；;]+)$/u;
/**
 * Kinds of question words that say what the question is about (not how it is phrased). Words
 * jieba does not know ("unknown": often a verb fused with its particle, 建了) are left out, as
 * are single characters (里, 省): both are more often phrasing than subject.
 */
const SUBJECT_KINDS: ReadonlySet<WordKind> = new Set(["noun", "name", "place", "organisation", "proper"]);
/** CC-CEDICT glosses of a noun that names an amount (数量, 总数, 涨幅): a figure of the kind asked says it. */
const AMOUNT_GLOSS = /\b(?:quantit\w*|amount|number|total|sum)\b/u;

/**
 * The embedded default answerer: needs no model and no network. It quotes the retrieved
 * sentences that best answer the question (chosen by a fitted model), verbatim, each with its
 * [n] marker, and leads with the one clause that answers when one stands out. Everything it
 * writes beyond the quotes comes from fixed templates, so every figure it shows is in a quote.
 */
export function createExtractiveAnswerer(
  options: {
    maxExtraSentences?: number;
    /**
     * Cut-off of its own "not in the reports" decision: the fitted probability that the passages
     * answer the question must reach it (see answerability.ts). It applies even when this answerer
     * stands in for a failed model that was allowed to judge for itself, so a fallback never
     * guesses. Unset: answer whenever some sentence matches.
     */
    answerableThreshold?: number;
  } = {},
): Answerer {
  return {
    mode: "extractive",
    async draft(request: AnswerRequest): Promise<AnswerDraft> {
      return draftExtractive(request.question, request.passages, {
        maxExtra: options.maxExtraSentences,
        answerableThreshold: options.answerableThreshold,
      });
    },
  };
}

/** Returns the extractive draft for `question` over `passages` (pure; used by tests and the eval). */
export function draftExtractive(
  question: string,
  passages: RetrievedPassage[],
  options: { maxExtra?: number; answerableThreshold?: number } = {},
): AnswerDraft {
  const assessment = assessQuestion(question, passages);
  const threshold = options.answerableThreshold;
  const notFound: AnswerDraft = { text: "", citations: [], notFound: true, answerability: assessment.probability };
  if (threshold !== undefined && assessment.probability < threshold) return notFound;
  const evidence = selectEvidence(assessment.ranked, {
    maxExtra: options.maxExtra ?? 1,
    ratio: assessment.extraRatio,
    leads: (best) => answersAlone(assessment.analysis, best.sentence.text),
  });
  if (evidence.length === 0) return notFound;
  const { analysis } = assessment;
  const unmentioned = unmentionedSubjectWords(analysis, assessment.evidence, evidence[0]?.documentId);
  if (unmentioned.length > 0 && analysis.type === "quantity") {
    // A near miss does not answer a figure question (the figure shown would be a neighbouring
    // one): it is a decline that shows the closest sentence. Other questions quote their
    // sentences without a lead clause (measured: declining those too costs CMRC 0.07 answered).
    const closest = evidence[0]!;
    const text = analysis.language === "zh"
      ? `所引段落未提到“${unmentioned.join("”“")}”。最接近的内容是：“${closest.sentence.text}”`
      : `The passages do not mention "${unmentioned.join('", "')}". The closest is: "${closest.sentence.text}"`;
    return { ...notFound, instead: { text, passage: closest.passageIndex + 1 } };
  }
  const choice = chooseAgreeingLead({
    analysis,
    question,
    constraints: readQuestionConstraints(question, { reportingPeriod: passages.find((passage) => passage.reportingPeriod)?.reportingPeriod }),
    ranked: assessment.ranked,
    contexts: passageContexts(passages),
  });
  if (choice.kind === "differs") {
    const text = `${describeDifferences(choice.differences, analysis.language)}“${choice.clause}”`;
    return { ...notFound, instead: { text, passage: choice.sentence.passageIndex + 1 } };
  }
  const chosen = choice.kind === "agrees" && choice.sentence !== evidence[0] ? [choice.sentence] : evidence;
  const citations = chosen.map((item, position) => ({
    n: position + 1,
    passage: item.passageIndex + 1,
    quote: item.sentence.text,
  }));
  const lead = choice.kind === "agrees" ? choice.clause : undefined;
  return { text: composeText(analysis, chosen, lead, unmentioned.length > 0), citations, notFound: false, answerability: assessment.probability };
}

/**
 * Returns the subject words of a Chinese question (nouns, names, places…; no figures) that the
 * quoted document's retrieved passages contain neither as asked nor in a related word. The
 * decision may still answer such a question (a near miss costs little on CMRC), so the reply
 * says so instead of presenting a neighbouring figure as the answer: asked for 工业用电量, the
 * reader is told the passages do not mention 用电量 before seeing the closest sentences. Left
 * out: words naming the kind of answer (什么**时候**), and, asked for a figure, words naming an
 * amount (数量, 涨幅), which the figure itself states.
 */
function unmentionedSubjectWords(analysis: QuestionAnalysis, evidence: Evidence, documentId: string | undefined): string[] {
  if (analysis.language !== "zh" || documentId === undefined) return [];
  const document = evidence.documents.find((item) => item.documentId === documentId);
  if (!document) return [];
  const answerKind = new Set(analysis.answerKindWords ?? []);
  return analysis.words
    .filter(
      (word, index) =>
        SUBJECT_KINDS.has(word.kind) &&
        word.text.length >= 2 &&
        !/\d/u.test(word.text) &&
        !answerKind.has(index) &&
        !(analysis.type === "quantity" && namesAnAmount(word.text)) &&
        (document.matches[index] ?? 0) < PRESENT_MATCH &&
        (document.related[index] ?? 0) === 0,
    )
    .map((word) => word.text);
}

/** True when the dictionary glosses `word` as an amount (数量 "quantity", 涨幅 "amount of increase"). */
function namesAnAmount(word: string): boolean {
  return bilingualDictionary().glosses(word).some((gloss) => AMOUNT_GLOSS.test(gloss));
}

function composeText(analysis: QuestionAnalysis, evidence: RankedSentence[], agreeingLead: string | undefined, nearMiss: boolean): string {
  // Only the best sentence may lead: when its clauses tie, a clause of the runner-up would be a guess.
  // A near miss gets no lead clause: it would state a neighbouring value as the one asked for.
  const clause = nearMiss ? undefined : (agreeingLead ?? (evidence[0] && analysis.type !== "quantity" ? leadClause(analysis, evidence[0].sentence.text) : undefined));
  if (clause) {
    // The quotes themselves are shown under the answer; the text is the one-line answer.
    const seeAlso = evidence.slice(1).map((_, index) => `[${index + 2}]`).join("");
    if (analysis.language === "zh") return `${clause}[1]。${seeAlso ? `另见${seeAlso}。` : ""}`;
    return `According to the report: ${clause}[1].${seeAlso ? ` See also ${seeAlso}.` : ""}`;
  }
  return evidence.map((item, position) => withMarker(item.sentence.text, position + 1)).join("\n");
}

/** Puts the [n] marker before the sentence's closing punctuation so it belongs to that sentence. */
function withMarker(sentence: string, n: number): string {
  const match = SENTENCE_END.exec(sentence);
  if (!match) return `${sentence}[${n}]`;
  return `${sentence.slice(0, match.index)}[${n}]${match[1]}`;
}
