/**
 * Whether a figure of the answer is supported by the quotes its sentence cites: a quoted figure
 * with the same value (same kind and unit after conversion), in a clause about the same subject,
 * moving the same way. "About the same subject" is contrastive: among the quoted figures of that
 * kind, the clause holding the value must match the answer's clause at least as well as any
 * clause holding another value (ties are allowed: an answer that names no subject cannot be
 * bound more tightly than the quote allows).
 */
import { compatibleKinds, sameValue } from "../../text/figure-values.js";
import { isYearLike, sharedTerms, type FigureClaim } from "./figure-claims.js";

/** Why a figure is not supported; undefined when it is. */
export type FigureProblem =
  | { reason: "absent" }
  | { reason: "direction"; quoted: FigureClaim }
  | { reason: "time"; quoted: FigureClaim }
  | { reason: "subject"; quoted: FigureClaim; closer: FigureClaim };

/** Returns what is wrong with `claimed` given the figures of the cited quotes, or undefined when a quote supports it. Never throws. */
export function checkFigureSupport(claimed: FigureClaim, quoted: readonly FigureClaim[]): FigureProblem | undefined {
  if (isYearLike(claimed.figure)) {
    return quoted.some((candidate) => isYearLike(candidate.figure) && sameValue(candidate.figure.value, claimed.figure.value)) ? undefined : { reason: "absent" };
  }
  const comparable = quoted.filter((candidate) => !isYearLike(candidate.figure) && compatibleKinds(claimed.figure, candidate.figure));
  const equal = comparable.filter((candidate) => sameValue(candidate.figure.value, claimed.figure.value));
  if (equal.length === 0) return { reason: "absent" };
  // "十三五期间下降3.4%" when the quote says 3.4% for 2023: the time the answer names must be the clause's own.
  const sameTime = equal.filter((candidate) => sameTimeFrame(claimed, candidate));
  if (sameTime.length === 0) return { reason: "time", quoted: equal[0]! };
  const sameWay = sameTime.filter((candidate) => claimed.direction === undefined || candidate.direction === claimed.direction);
  if (sameWay.length === 0) return { reason: "direction", quoted: equal[0]! };
  const scored = sameWay.map((candidate) => ({ candidate, score: sharedTerms(claimed, candidate) }));
  const best = scored.reduce((top, item) => (item.score > top.score ? item : top));
  // Clauses stating other values that fit the answer's subject better: the figure belongs to them.
  const closer = comparable
    .filter((candidate) => !sameValue(candidate.figure.value, claimed.figure.value))
    .map((candidate) => ({ candidate, score: sharedTerms(claimed, candidate) }))
    .filter((item) => item.score > best.score)
    .sort((a, b) => b.score - a.score);
  // "分别增长6.2%和6.6%" names two subjects for two figures: each may sit second best.
  if (closer.length >= claimed.groupSize) return { reason: "subject", quoted: best.candidate, closer: closer[0]!.candidate };
  return undefined;
}

/** True when the answer names no time, the quoted clause names none of its own, or they share one. */
function sameTimeFrame(claimed: FigureClaim, quoted: FigureClaim): boolean {
  if (claimed.times.size === 0 || quoted.times.size === 0) return true;
  for (const time of claimed.times) if (quoted.times.has(time)) return true;
  return false;
}
