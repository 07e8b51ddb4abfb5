/**
 * What each clause of an evidence sentence states, in its context: its figure and the kind of
 * figure (a change, a level, a share, a rank, a count), whether it is a result or a target, the
 * administrative level, and the place and period it is about — its own, else its sentence's
 * (the nearest clause before it that names one), else its section heading or table caption, else
 * its document's. `全省` in a report on 四川 is 四川.
 */
import type { RetrievedPassage } from "../../retrieve/types.js";
import { ROW_SEPARATOR } from "../../ingest/tables/row-sentence.js";
import { readFigureValues } from "../../text/figure-values.js";
import { isYearLike } from "../verify/figure-claims.js";
import { OWN_AREA_WORDS } from "../../lexicon/places.js";
import type { StatedContext } from "../../question/constraints/agreement.js";
import { statedIndicator } from "../../question/constraints/indicator.js";
import { readLevel } from "../../question/constraints/level.js";
import { readModality } from "../../question/constraints/modality.js";
import { readPeriod } from "../../question/constraints/period.js";
import { readPlaces } from "../../question/constraints/place.js";
import type { Period } from "../../question/constraints/types.js";
import { documentContexts, partPeriod, type DocumentContext } from "./document-context.js";

/** The context of one passage: its section and table, and its document's place and period. */
export interface PassageContext {
  section?: string[];
  table?: { caption?: string; headers?: string[]; unit?: string };
  document: DocumentContext;
  /** The period of the compilation part the passage belongs to, when the document has parts. */
  partPeriod?: Period;
}

const CLAUSE_BREAK = /[，,；;：:。！？!?]/u;

/**
 * Returns the clauses of `sentence`, split at `pattern` (its punctuation), except a table row's
 * canonical sentence, which is split into its cells: `2024年：2183` is one clause, so a value is
 * read with its own column's header, not with the next column's ("2183｜2023年").
 */
export function sentenceClauses(sentence: string, pattern: RegExp = CLAUSE_BREAK): string[] {
  const pieces = sentence.includes(ROW_SEPARATOR) ? sentence.split(ROW_SEPARATOR) : sentence.split(pattern);
  return pieces.filter((piece) => piece.trim() !== "");
}

/** Returns the contexts of the passages' clauses: one per passage, sharing their document's. */
export function passageContexts(passages: readonly RetrievedPassage[]): PassageContext[] {
  const documents = documentContexts(passages);
  return passages.map((passage) => passageContextOf(passage, documents.get(passage.chunk.documentId) ?? {}));
}

/** Returns the context of `passage` given its document's. */
export function passageContextOf(passage: RetrievedPassage, document: DocumentContext): PassageContext {
  const { chunk } = passage;
  const part = partPeriod(passage);
  return {
    ...(chunk.sectionPath?.length ? { section: chunk.sectionPath } : {}),
    ...(chunk.kind === "table-row" ? { table: tableOf(chunk.text) } : {}),
    document,
    ...(part ? { partPeriod: part } : {}),
  };
}

/**
 * Returns what the clause `clause` of `sentence` states about its main figure (the last figure
 * that is not a year), or undefined when it states none. `clause` must occur in `sentence`.
 */
export function clauseStatement(clause: string, sentence: string, context: PassageContext): StatedContext | undefined {
  const figures = readFigureValues(clause).filter((figure) => !isYearLike(figure));
  const figure = figures.at(-1);
  if (!figure) return undefined;
  const position = Math.max(0, sentence.indexOf(clause));
  const head = sentence.slice(0, position);
  const before = clause.slice(0, figure.start);
  const indicator = statedIndicator(figure, before);
  const place = placeOf(clause, head, context);
  const period = periodOf(clause, head, context);
  // A target scopes what follows it in the sentence ("力争到2025年，…产量突破30万辆").
  const modality = readModality(`${lastClauses(head, 2)}${before}`);
  const level = readLevel(before) ?? readLevel(clause);
  return {
    figure,
    ...(indicator ? { indicator } : {}),
    ...(place ? place : {}),
    ...(context.document.place ? { documentPlace: context.document.place } : {}),
    ...(period ? { period } : {}),
    modality,
    ...(level ? { level } : {}),
  };
}

function placeOf(clause: string, head: string, context: PassageContext): Pick<StatedContext, "place" | "placeIsDocumentArea"> | undefined {
  const own = readPlaces(clause)[0];
  if (own) return { place: own };
  if (OWN_AREA_WORDS.test(clause) && context.document.place) return { place: context.document.place, placeIsDocumentArea: true };
  for (const earlier of clausesOf(head).reverse()) {
    const named = readPlaces(earlier)[0];
    if (named) return { place: named };
    if (OWN_AREA_WORDS.test(earlier) && context.document.place) return { place: context.document.place, placeIsDocumentArea: true };
  }
  const framed = readPlaces([context.table?.caption ?? "", ...(context.section ?? [])].join("，"))[0];
  if (framed) return { place: framed };
  return context.document.place ? { place: context.document.place, placeIsDocumentArea: true } : undefined;
}

function periodOf(clause: string, head: string, context: PassageContext): Period | undefined {
  const own = readPeriod(clause);
  if (own?.year !== undefined || own?.plan) return own;
  for (const earlier of clausesOf(head).reverse()) {
    const named = readPeriod(earlier);
    if (named?.year !== undefined || named?.plan) return own?.part ? { ...named, part: own.part } : named;
  }
  for (const frame of [context.table?.caption, ...(context.section ?? []).slice().reverse()]) {
    const named = frame ? readPeriod(frame) : undefined;
    if (named?.year !== undefined || named?.plan) return named;
  }
  return context.partPeriod ?? context.document.period;
}

function clausesOf(text: string): string[] {
  return sentenceClauses(text);
}

function lastClauses(text: string, count: number): string {
  return clausesOf(text).slice(-count).join("，");
}

/** Reads the caption, unit and headers back from a table row's canonical sentence (`caption｜label｜unit｜header：value…`). */
function tableOf(rowSentence: string): PassageContext["table"] {
  const fields = rowSentence.split(ROW_SEPARATOR);
  if (fields.length < 2) return {};
  const headers = fields.slice(1).flatMap((field) => {
    const colon = field.indexOf("：");
    return colon > 0 ? [field.slice(0, colon)] : [];
  });
  const unit = fields.find((field) => /^单位[:：]/u.test(field));
  return { caption: fields[0], headers, ...(unit ? { unit } : {}) };
}
