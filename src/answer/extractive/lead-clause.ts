import { holdsAnswerKind, statesAskedUnit } from "./answer-kind.js";
import { ROW_SEPARATOR } from "../../ingest/tables/row-sentence.js";
import { relatedCoverageOf } from "./evidence.js";
import type { QuestionAnalysis } from "./question-analysis.js";
import { statesQuantity } from "./select-evidence.js";
import { matchWords } from "./word-match.js";

// Commas and semicolons separate clauses, but never a comma between digits ("1,387").
const CLAUSE_BREAK = /[,，](?!\d)|(?<!\d)[,，]|[;；:：]/u;
/** A row field holding a column's value (`2024年：2183`), not the caption, the row label or the unit. */
const VALUE_FIELD = /^(?!单位[:：]).+：.+$/u;
const ROW_NUMBER = /^\s*[-+−]?\d/u;

/**
 * Returns the clause of `sentence` that answers the question, verbatim, or undefined when none
 * stands out (the whole sentence is then the answer). For a "how much" question only clauses
 * stating a quantity qualify, a clause listing several figures with 、 is narrowed to the item
 * that best matches, and the unit asked for ("多少个百分点") and the numbers the question names
 * ("in 2023") break ties. For a who/when/where/what question the clause must hold a value of
 * the kind asked (a name, a date…). Two equally good clauses: the sentence is quoted instead.
 * `accept`, when given, leaves out clauses that do not agree with what the question asks.
 */
export function leadClause(analysis: QuestionAnalysis, sentence: string, accept?: (clause: string) => boolean): string | undefined {
  const quantity = analysis.type === "quantity";
  const clauses = answerClauses(analysis, sentence).filter((clause) => accept === undefined || accept(clause));
  if (!quantity && clauses.length === sentence.split(CLAUSE_BREAK).length) return undefined;
  const ranked = clauses
    .map((clause) => ({ clause, coverage: clauseCoverage(analysis, clause), score: clauseScore(analysis, clause) }))
    .sort((a, b) => b.score - a.score);
  const [best, runnerUp] = ranked;
  if (!best || best.coverage === 0) return undefined;
  if (runnerUp && runnerUp.score === best.score) return undefined;
  return best.clause;
}

/** Returns the clauses of `sentence` that hold a value of the kind asked (for "how much": a quantity; a list narrowed to its items). */
export function answerClauses(analysis: QuestionAnalysis, sentence: string): string[] {
  const quantity = analysis.type === "quantity";
  const cells = quantity ? rowCellClauses(sentence) : undefined;
  // A row's values are bare numbers: their unit is the row's 单位 field or the header's (亿元).
  if (cells) return cells.filter((clause) => ROW_NUMBER.test(clause.slice(clause.lastIndexOf("：") + 1)));
  return sentence
    .replace(/[。！？.!?]+$/u, "")
    .split(CLAUSE_BREAK)
    .flatMap((clause) => (quantity ? narrowList(clause) : [clause]))
    .map((clause) => clause.trim())
    .filter((clause) => clause.length > 0 && (quantity ? statesQuantity(clause) : holdsAnswerKind(analysis, clause)));
}

/**
 * True when `sentence` answers a "how much" question on its own: a clause of it states the
 * figure asked for. Such a sentence is quoted alone; any other best sentence gets the runner-up
 * beside it (cross-validated: spanHit 0.761 this way, 0.763 always quoting two).
 */
export function answersAlone(analysis: QuestionAnalysis, sentence: string): boolean {
  return analysis.type === "quantity" && leadClause(analysis, sentence) !== undefined;
}

function clauseCoverage(analysis: QuestionAnalysis, clause: string): number {
  const { matches, related } = matchWords(analysis.words, clause.toLowerCase());
  return relatedCoverageOf(analysis, matches, related);
}

function clauseScore(analysis: QuestionAnalysis, clause: string): number {
  let score = clauseCoverage(analysis, clause);
  // The unit asked for outranks a named year: "2023年…提升了多少个百分点" wants the 个百分点 clause.
  if (analysis.askedUnit && statesAskedUnit(analysis.askedUnit, clause)) score += 2;
  if (analysis.numbers.length > 0 && analysis.numbers.every((number) => clause.includes(number))) score += 1;
  return score;
}

function narrowList(clause: string): string[] {
  const items = clause.split("、");
  return items.filter((item) => statesQuantity(item)).length >= 2 ? items : [clause];
}

/**
 * Returns the clauses of a table row's canonical sentence (`caption｜label｜unit｜header：value…`),
 * one per value: the row's caption, label and unit, then that one `header：value`. Splitting a row
 * at its colons would read each value with the next column's header ("2183｜2023年"); this way the
 * lead for "2024年末北京市常住人口" is `年末常住人口｜北京市｜单位：万人｜2024年：2183`, not the whole row
 * with every year's figure. Returns undefined for a sentence that is not a row.
 */
function rowCellClauses(sentence: string): string[] | undefined {
  if (!sentence.includes(ROW_SEPARATOR)) return undefined;
  const fields = sentence.split(ROW_SEPARATOR).map((field) => field.trim());
  const firstValue = fields.findIndex((field, index) => index > 0 && VALUE_FIELD.test(field));
  if (firstValue < 0) return undefined;
  const head = fields.slice(0, firstValue).filter((field) => field !== "");
  return fields.slice(firstValue).filter((field) => field !== "").map((field) => [...head, field].join(ROW_SEPARATOR));
}
