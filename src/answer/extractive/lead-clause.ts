import { termCoverage, type QuestionTerms } from "./question-terms.js";
import { statesQuantity } from "./select-evidence.js";

// Commas and semicolons separate clauses, but never a comma between digits ("1,387").
const CLAUSE_BREAK = /[,，](?!\d)|(?<!\d)[,，]|[;；:：]/u;

/**
 * Returns the clause of `sentence` that states the figure the question asks for, verbatim, or
 * undefined when no clause states a quantity or none stands out. A clause that lists several
 * figures with 、 is narrowed to the listed item that best matches the question. Clauses are
 * ranked by the question's terms they contain, then preferred when they state a figure in the
 * unit asked for ("多少个百分点") and the numbers the question names ("in 2023").
 */
export function leadClause(terms: QuestionTerms, sentence: string): string | undefined {
  const clauses = sentence
    .replace(/[。！？.!?]+$/u, "")
    .split(CLAUSE_BREAK)
    .flatMap((clause) => narrowList(clause))
    .map((clause) => clause.trim())
    .filter((clause) => clause.length > 0 && statesQuantity(clause));
  const ranked = clauses
    .map((clause) => ({ clause, coverage: termCoverage(terms, clause), score: clauseScore(terms, clause) }))
    .sort((a, b) => b.score - a.score);
  const [best, runnerUp] = ranked;
  if (!best || best.coverage === 0) return undefined;
  // Two clauses that match equally well: picking one would be a guess, so quote the sentence.
  if (runnerUp && runnerUp.score === best.score) return undefined;
  return best.clause;
}

function clauseScore(terms: QuestionTerms, clause: string): number {
  let score = termCoverage(terms, clause);
  // The unit asked for outranks a named year: "2023年…提升了多少个百分点" wants the 个百分点 clause.
  if (terms.askedUnit && new RegExp(`\\d\\s*${terms.askedUnit}`, "u").test(clause)) score += 2;
  if (terms.numbers.length > 0 && terms.numbers.every((number) => clause.includes(number))) score += 1;
  return score;
}

function narrowList(clause: string): string[] {
  const items = clause.split("、");
  return items.filter((item) => statesQuantity(item)).length >= 2 ? items : [clause];
}
