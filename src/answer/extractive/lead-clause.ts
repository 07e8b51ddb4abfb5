import { termCoverage, type QuestionTerms } from "./question-terms.js";
import { statesQuantity } from "./select-evidence.js";

// Commas and semicolons separate clauses, but never a comma between digits ("1,387").
const CLAUSE_BREAK = /[,，](?!\d)|(?<!\d)[,，]|[;；:：]/u;

/**
 * Returns the clause of `sentence` that states the figure the question asks for, verbatim, or
 * undefined when no clause states a quantity. A clause that lists several figures with 、 is
 * narrowed to the listed item that best matches the question.
 */
export function leadClause(terms: QuestionTerms, sentence: string): string | undefined {
  const clauses = sentence
    .replace(/[。！？.!?]+$/u, "")
    .split(CLAUSE_BREAK)
    .flatMap((clause) => narrowList(clause))
    .map((clause) => clause.trim())
    .filter((clause) => clause.length > 0 && statesQuantity(clause));
  let best: { clause: string; coverage: number } | undefined;
  for (const clause of clauses) {
    const coverage = termCoverage(terms, clause);
    if (!best || coverage > best.coverage) best = { clause, coverage };
  }
  return best && best.coverage > 0 ? best.clause : undefined;
}

function narrowList(clause: string): string[] {
  const items = clause.split("、");
  return items.filter((item) => statesQuantity(item)).length >= 2 ? items : [clause];
}
