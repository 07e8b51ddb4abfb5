/**
 * The verifier's rule on what was asked: a figure of the answer is about the period and place the
 * question names. Each quoted figure is read in its context (its clause, sentence, section and
 * document: answer/context/clause-context.ts); a figure stated for 四川 does not answer a question
 * about 全国, nor one for 2024年上半年 a question about 2023. The answer may still give such a
 * figure when it says which period and place it is for: it is then a true statement.
 */
import type { RetrievedPassage } from "../../retrieve/types.js";
import { compatibleKinds, readFigureValues, sameValue, type FigureValue } from "../../text/figure-values.js";
import { placesAgree } from "../../question/constraints/agreement.js";
import { describePeriod, periodsAgree, readPeriod } from "../../question/constraints/period.js";
import { readPlaces } from "../../question/constraints/place.js";
import type { Period, QuestionConstraints } from "../../question/constraints/types.js";
import { clauseStatement, sentenceClauses, type PassageContext } from "../context/clause-context.js";
import { isYearLike } from "./figure-claims.js";

/** A figure of a verified quote with the place and period its context gives it. */
export interface QuotedFigureContext {
  figure: FigureValue;
  place?: string;
  documentPlace?: string;
  period?: Period;
}

const CLAUSE_BREAK = /[，,；;：:。！？!?、]/u;

/** Returns the figures (not years) of `sentence` with their place and period, clause by clause. */
export function quotedFigureContexts(sentence: string, context: PassageContext): QuotedFigureContext[] {
  return sentenceClauses(sentence, CLAUSE_BREAK)
    .flatMap((clause) => {
      const stated = clauseStatement(clause, sentence, context);
      if (!stated) return [];
      return readFigureValues(clause)
        .filter((figure) => !isYearLike(figure))
        .map((figure) => ({ figure, ...(stated.place ? { place: stated.place } : {}), ...(stated.documentPlace ? { documentPlace: stated.documentPlace } : {}), ...(stated.period ? { period: stated.period } : {}) }));
    });
}

/**
 * Returns the problem with answer figure `claimed` (in answer sentence `sentence`) given the
 * quoted figures its sentence cites, or undefined when one of the equal quoted figures agrees with
 * the question's period and place, or the sentence names the quoted figure's own period and place.
 */
export function contextProblem(claimed: FigureValue, sentence: string, quoted: readonly QuotedFigureContext[], constraints: QuestionConstraints): string | undefined {
  if (!constraints.place && !constraints.period) return undefined;
  const equal = quoted.filter((candidate) => compatibleKinds(claimed, candidate.figure) && sameValue(candidate.figure.value, claimed.value));
  if (equal.length === 0) return undefined;
  const placeAgrees = (candidate: QuotedFigureContext) => !constraints.place || !candidate.place || placesAgree(constraints.place, candidate.place, candidate.documentPlace);
  const periodAgrees = (candidate: QuotedFigureContext) => !constraints.period || !candidate.period || periodsAgree(constraints.period, candidate.period);
  if (equal.some((candidate) => placeAgrees(candidate) && periodAgrees(candidate))) return undefined;
  // The answer may give the figure of another place or period when it says which: only what differs must be named.
  const named = readPeriod(sentence);
  const places = readPlaces(sentence);
  const namesOwn = (candidate: QuotedFigureContext) =>
    (placeAgrees(candidate) || places.includes(candidate.place!)) &&
    (periodAgrees(candidate) || (named !== undefined && (named.year !== undefined || named.plan !== undefined) && periodsAgree(named, candidate.period!)));
  if (equal.some(namesOwn)) return undefined;
  const first = equal[0]!;
  const given = [first.place, first.period ? describePeriod(first.period) : undefined].filter(Boolean).join("，");
  const asked = [constraints.place, constraints.period ? describePeriod(constraints.period) : undefined].filter(Boolean).join("，");
  return `the quote states ${claimed.raw} for ${given}, but the question asks about ${asked}; answer only with a figure for ${asked}, or say plainly that the report gives ${given} instead (naming that place and period in the answer)`;
}
