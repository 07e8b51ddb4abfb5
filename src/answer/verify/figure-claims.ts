/**
 * Figures bound to what they are about. Each figure of a text is read with the words of its
 * clause (its subject terms, as character bigrams, which need no dictionary) and the direction
 * word in front of it (增长 / 下降, grew / fell), so the verifier can tell "规模以上工业…增长6.2%"
 * from "六大优势产业…增长6.6%" inside one quoted sentence.
 *
 * A figure's clause runs back to the previous clause boundary (，；：。 and their ASCII forms) or
 * to the figure before it, whichever is nearer, and forward to the next boundary, 、 or figure
 * ("打造出1个国家制造业创新中心" keeps the noun after the count). Figures joined only by 和、及
 * ("59.4%和81.7%") share one clause, and are bound in order to subjects listed with 、 or 和 before
 * them. A clause with no subject words of its own ("、提升1.8个百分点",
 * "2023年再下降3.4%") inherits the subject of the figure before it. Years do not cut clauses; with
 * five-year plans (十三五) they are a clause's own time terms.
 */
import { readFigureValues, type FigureValue } from "../../text/figure-values.js";

/** Which way a figure moved, when the text says so. */
export type Direction = "up" | "down";

/** A figure with the subject terms and direction of its clause. */
export interface FigureClaim {
  figure: FigureValue;
  /** Subject terms: CJK bigrams, English words, translated terms, and the years of the clause ("#2023"). */
  terms: Set<string>;
  direction?: Direction;
  /** The clause text the terms came from (for error messages). */
  clause: string;
  /** Its own time terms (years "#2023", plans "#十三五"), not inherited ones; also in `terms`. */
  times: Set<string>;
  /** How many figures share this clause ("分别增长6.2%和6.6%" gives 2). */
  groupSize: number;
}

/** Turns English words into Chinese terms (a bilingual dictionary), so English answers can be bound. */
export type TermTranslator = (english: string) => string[];

// Clause boundaries; an ASCII comma between digits ("1,387") and a decimal point are not.
const BOUNDARY = /[，；;：:。！？!?\n…]|,(?!\d{3})|(?<!\d),|\.(?=\s|$)/gu;
const CONJUNCTION_ONLY = /^\s*(?:和|及|与|以及|、|,|，|或|至|到|-|—|~|and|or|to|respectively|分别)?\s*$/iu;
const UP_CHINESE = "增长|增加(?!值)|上升|提高|提升|上涨|增速|增幅|扩大";
const DOWN_CHINESE = "下降|降低|减少|下滑|回落|下跌|缩小|降幅|跌幅|减幅";
const UP_ENGLISH = "grow|grows|grown|growth|growing|grew|rise|rises|risen|rose|rising|increase|increased|increases|increasing|higher|gain|gained|climbed|expanded";
const DOWN_ENGLISH = "fall|falls|fallen|fell|decline|declined|declines|declining|decrease|decreased|decreases|decreasing|drop|dropped|drops|lower|shrank|shrunk|contracted|reduced|reduction";
const UP = new RegExp(`${UP_CHINESE}|\\b(?:${UP_ENGLISH})\\b`, "giu");
const DOWN = new RegExp(`${DOWN_CHINESE}|\\b(?:${DOWN_ENGLISH})\\b`, "giu");
const DIRECTION_WORD = new RegExp(`^(?:${UP_ENGLISH}|${DOWN_ENGLISH})$`, "iu");
// Single characters that state a direction only right before the figure ("增6.2%", "再降3.4%").
const UP_CHARACTER = /(?:[增升涨](?:了|至|到|约|近|超)?|\bup(?: by)?)$/iu;
const DOWN_CHARACTER = /(?:[降减跌](?:了|至|到|约|近)?|\bdown(?: by)?)$/iu;
const FIVE_YEAR_PLAN = /十[一二三四五六七八九]五/gu;
const CJK_RUN = /[\u3400-\u9fff\uf900-\ufaff]+/gu;
const LATIN_WORD = /[a-z][a-z-]{2,}/giu;
const FUNCTION_CHARACTERS = /[再又还达为是至到了和及与的在共约近超过已等其中分别同比累计实现居全国]/gu;
const ENGLISH_STOPWORDS = new Set([
  "the", "and", "for", "with", "from", "that", "this", "was", "were", "are", "has", "had", "have", "its", "their", "which",
  "year", "years", "by", "about", "over", "than", "more", "reached", "reach", "reaching", "total", "totalled", "stood",
  "according", "report", "respectively", "per", "cent", "percent", "percentage", "points", "billion", "million", "yuan",
  "thousand", "trillion", "some", "nearly", "around", "approximately", "almost", "compared", "previous", "same", "period",
]);

/**
 * Returns the figures of `text` with their subject terms, direction and group, in order.
 * `translate` adds Chinese terms for English clauses. Never throws.
 */
export function readFigureClaims(text: string, translate?: TermTranslator): FigureClaim[] {
  const figures = readFigureValues(text);
  if (figures.length === 0) return [];
  const boundaries = [...text.matchAll(BOUNDARY)].map((match) => match.index);
  const claims: FigureClaim[] = [];
  let head: { claim: FigureClaim; before: string; members: FigureClaim[] } | undefined;
  let previousEnd = -1;
  for (const [index, figure] of figures.entries()) {
    if (isYearLike(figure)) {
      claims.push({ figure, terms: new Set(), times: new Set(), clause: figure.raw, groupSize: 1 });
      continue;
    }
    const clauseStart = lastBoundaryBefore(boundaries, figure.start) + 1;
    const sameClause = head !== undefined && previousEnd >= clauseStart;
    if (head && sameClause && CONJUNCTION_ONLY.test(text.slice(previousEnd, figure.start))) {
      // "59.4%和81.7%": one clause stated two figures; they share its subject and direction.
      const claim: FigureClaim = { ...head.claim, figure };
      head.members.push(claim);
      for (const member of head.members) member.groupSize = head.members.length;
      claims.push(claim);
      previousEnd = figure.end;
      continue;
    }
    if (head) assignRespectively(head, translate);
    const beforeStart = sameClause ? previousEnd : clauseStart;
    const before = text.slice(beforeStart, figure.start);
    const nextFigure = figures.slice(index + 1).find((candidate) => !isYearLike(candidate))?.start ?? text.length;
    const afterEnd = Math.min(nextBoundaryAfter(boundaries, figure.end, text.length), nextFigure, indexOrEnd(text, "、", figure.end));
    const after = text.slice(figure.end, afterEnd);
    const terms = termsOf(`${before} ${after}`, translate);
    const times = timesOf(`${before} ${after}`);
    for (const year of figures) {
      if (isYearLike(year) && year.start >= beforeStart && year.end <= afterEnd) times.add(`#${year.value}`);
    }
    for (const time of times) terms.add(time);
    let clause = `${before}${figure.raw}${after}`.trim();
    if (!hasSubject(`${before} ${after}`) && head) {
      // "、提升1.8个百分点" says nothing of what rose: the subject is the previous clause's.
      for (const term of head.claim.terms) if (!term.startsWith("#")) terms.add(term);
      clause = `${head.claim.clause}…${clause}`;
    }
    const claim: FigureClaim = { figure, terms, times, direction: directionOf(before, after), clause, groupSize: 1 };
    claims.push(claim);
    head = { claim, before, members: [claim] };
    previousEnd = figure.end;
  }
  if (head) assignRespectively(head, translate);
  return claims;
}

/**
 * "数控化率、普及率上升至59.4%和81.7%": when a group of k figures follows exactly k subjects
 * listed with 、 or 和 (not 及 / 与: 普及, 参与), the i-th figure belongs to the i-th subject.
 */
function assignRespectively(group: { before: string; members: FigureClaim[] }, translate?: TermTranslator): void {
  const count = group.members.length;
  if (count < 2) return;
  const listed = group.before.split("、");
  const subjects = listed.length === count ? listed : group.before.split(/[、和]/u);
  if (subjects.length !== count || subjects.some((subject) => subject.trim() === "")) return;
  group.members.forEach((member, position) => {
    member.terms = termsOf(subjects[position]!, translate);
    for (const time of group.members[0]!.times) member.terms.add(time);
    member.clause = `${subjects[position]!.trim()}…${member.figure.raw}`;
    member.groupSize = 1;
  });
}

/** Time terms a clause names besides years: five-year plans ("十三五"). */
function timesOf(clause: string): Set<string> {
  return new Set([...clause.matchAll(FIVE_YEAR_PLAN)].map((match) => `#${match[0]}`));
}

/** True for years: "2024年", and a bare "2024" (an English answer writes years without 年). */
export function isYearLike(figure: Pick<FigureValue, "kind" | "value" | "raw">): boolean {
  if (figure.kind === "year") return true;
  return figure.kind === "number" && /^\d{4}$/u.test(figure.raw) && figure.value >= 1900 && figure.value <= 2100;
}

function lastBoundaryBefore(boundaries: number[], index: number): number {
  let last = -1;
  for (const boundary of boundaries) {
    if (boundary >= index) break;
    last = boundary;
  }
  return last;
}

function nextBoundaryAfter(boundaries: number[], index: number, fallback: number): number {
  return boundaries.find((boundary) => boundary >= index) ?? fallback;
}

function indexOrEnd(text: string, search: string, from: number): number {
  const found = text.indexOf(search, from);
  return found === -1 ? text.length : found;
}

/** Returns the subject terms of a clause: CJK bigrams (single characters for a lone one), English words, translated terms. */
export function termsOf(clause: string, translate?: TermTranslator): Set<string> {
  const terms = new Set<string>();
  addBigrams(clause, terms);
  const words = clause.match(LATIN_WORD) ?? [];
  for (const word of words) {
    const lower = word.toLowerCase();
    if (!ENGLISH_STOPWORDS.has(lower) && !isDirectionWord(lower)) terms.add(lower);
  }
  if (translate && words.length > 0) for (const term of translate(clause)) addBigrams(term, terms);
  return terms;
}

function addBigrams(text: string, terms: Set<string>): void {
  for (const match of text.matchAll(CJK_RUN)) {
    const run = match[0];
    if (run.length === 1) terms.add(run);
    for (let index = 0; index + 1 < run.length; index++) terms.add(run.slice(index, index + 2));
  }
}

const isDirectionWord = (word: string) => DIRECTION_WORD.test(word);

/** True when a clause names something beyond direction and function words (else it inherits a subject). */
function hasSubject(clause: string): boolean {
  const content = clause.replace(UP, "").replace(DOWN, "").replace(FUNCTION_CHARACTERS, "");
  const cjk = content.match(CJK_RUN)?.join("") ?? "";
  if (cjk.replace(/[年月]/gu, "").length >= 2) return true;
  return (content.match(LATIN_WORD) ?? []).some((word) => !ENGLISH_STOPWORDS.has(word.toLowerCase()));
}

/** The direction word nearest the figure: the last one before it, else the first one after it. */
function directionOf(before: string, after: string): Direction | undefined {
  const last = (pattern: RegExp, text: string) => {
    let position = -1;
    for (const match of text.matchAll(pattern)) position = match.index;
    return position;
  };
  const up = last(UP, before);
  const down = last(DOWN, before);
  if (up !== -1 || down !== -1) return up > down ? "up" : "down";
  const trimmed = before.trimEnd();
  if (UP_CHARACTER.test(trimmed)) return "up";
  if (DOWN_CHARACTER.test(trimmed)) return "down";
  const firstUp = after.search(UP);
  const firstDown = after.search(DOWN);
  if (firstUp === -1 && firstDown === -1) return undefined;
  if (firstDown === -1) return "up";
  if (firstUp === -1) return "down";
  return firstUp < firstDown ? "up" : "down";
}

/** Returns how many subject terms two claims share. */
export function sharedTerms(a: FigureClaim, b: FigureClaim): number {
  let shared = 0;
  for (const term of a.terms) if (b.terms.has(term)) shared++;
  return shared;
}
