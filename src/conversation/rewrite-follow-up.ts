/**
 * The offline rewriter: a pure function of the conversation's turns and a new message. A
 * follow-up that does not stand alone keeps the previous standalone question's parts it leaves
 * out and replaces the ones it names: 那高技术制造业呢 swaps the subject, 去年呢 the period,
 * 占比呢 / 排第几 what is asked, 它 / 其 / it take the previous subject. A message that stands
 * alone, or is small talk, is left exactly as typed.
 */
import { tagWords } from "../lexicon/jieba.js";
import { resolveTimeWords, type ReportingPeriod } from "../lexicon/time-words.js";
import { firstRun, joinParts, readQuestionParts, slotsOfParts, type PartKind, type QuestionPart, type ReadQuestion } from "./question-parts.js";
import { isSmallTalk } from "./small-talk.js";
import { standsAlone, type StandingReason } from "./stands-alone.js";
import type { QuestionSlots, Turn } from "./types.js";

/** What the rewriter made of a message. */
export interface Rewrite {
  /** The standalone question to retrieve, answer, verify and audit (the message itself when nothing was carried). */
  question: string;
  /** True when `question` differs from the message (show the user how it was read). */
  rewritten: boolean;
  /** Why the message was judged to stand alone or not ("small_talk" for 你好, 谢谢, ok). */
  reason: StandingReason | "small_talk" | "no_context";
  /** The slots taken over from the previous question. */
  carried: Array<keyof QuestionSlots>;
  /** The standalone question's slots, for the next turn. */
  slots: QuestionSlots;
}

/** The one-line inputs of {@link rewriteFollowUp}. */
export interface RewriteInput {
  /** The conversation's turns, oldest first; the last one is what the message follows up. */
  turns: readonly Turn[];
  message: string;
  /** The period the last cited document reports on, to resolve 去年 when the last question named no year. */
  documentPeriod?: ReportingPeriod;
}

const SLOT_OF_KIND: Partial<Record<PartKind, keyof QuestionSlots>> = {
  period: "period",
  place: "place",
  scope: "subject",
  subject: "subject",
  measure: "indicator",
  aspect: "indicator",
  tail: "indicator",
};

/** Returns the standalone reading of `message` after `turns` (see the file comment). Never throws. */
export function rewriteFollowUp(input: RewriteInput): Rewrite {
  const message = input.message.trim();
  const read = readQuestionParts(message);
  const asTyped = (reason: Rewrite["reason"]): Rewrite => ({ question: message, rewritten: false, reason, carried: [], slots: slotsOfParts(read) });
  if (isSmallTalk(message)) return asTyped("small_talk");
  const previous = [...input.turns].reverse().find((turn) => turn.status !== "failed");
  const standing = standsAlone(message, read);
  if (standing.alone) return asTyped(standing.reason);
  if (!previous) return asTyped("no_context");

  const before = readQuestionParts(previous.question);
  const merged = standing.reason === "pronoun" && asksSomething(read) ? resolvePronoun(read, before) : mergeInto(before, read);
  const period = periodOf(merged);
  if (period) resolvePeriod(period, before, input.documentPeriod);
  const question = tidy(joinParts(merged.filter((part) => part.kind !== "marker" && part.kind !== "pronoun"), before.language), before.language);
  if (question === "" || question === tidy(message, read.language)) return asTyped(standing.reason);
  const named = new Set(read.parts.map((part) => SLOT_OF_KIND[part.kind]).filter(Boolean));
  if (read.parts.some((part) => part.kind === "pronoun")) named.delete("subject");
  const slots = slotsOfParts({ language: before.language, parts: merged });
  const carried = (Object.keys(slots) as Array<keyof QuestionSlots>).filter((slot) => !named.has(slot));
  return { question, rewritten: true, reason: standing.reason, carried, slots };
}

function asksSomething(read: ReadQuestion): boolean {
  return read.parts.some((part) => part.kind === "aspect" || part.kind === "measure" || (part.kind === "tail" && !/^(?:是|有)$/u.test(part.text)));
}

/**
 * 它的增速是多少 → the message with the pronoun replaced by the previous subject, and the
 * previous period and place in front when the message names none.
 */
function resolvePronoun(read: ReadQuestion, before: ReadQuestion): QuestionPart[] {
  const subject = firstRun(before.parts, ["scope", "subject"]) ?? [];
  const parts: QuestionPart[] = [];
  for (const part of read.parts) {
    if (part.kind !== "pronoun") parts.push({ ...part });
    // "its growth" → "high-tech manufacturing's growth".
    else if (read.language === "en" && /^(?:its|their)$/iu.test(part.text)) parts.push(...possessive(subject));
    else parts.push(...subject.map((copy) => ({ ...copy })));
  }
  const front: QuestionPart[] = [];
  for (const kind of ["period", "place"] as const) {
    const carried = before.parts.find((part) => part.kind === kind);
    if (carried && !parts.some((part) => part.kind === kind)) front.push({ ...carried });
  }
  if (read.language === "en") {
    // English puts where and when last: "…'s share in Sichuan in the first half of 2024?".
    const after = front.reverse().map((part) => (part.kind === "place" ? { ...part, text: `in ${part.text.replace(/'s$/iu, "")}` } : part));
    return [...parts.filter((part) => part.kind !== "filler" || !/^[?.!]$/u.test(part.text)), ...after];
  }
  return [...front, ...parts];
}

function possessive(subject: QuestionPart[]): QuestionPart[] {
  if (subject.length === 0) return [];
  const copy = subject.map((part) => ({ ...part }));
  copy[copy.length - 1]!.text += "'s";
  return copy;
}

/** The previous question's parts with the parts the message names put in their place. */
function mergeInto(before: ReadQuestion, read: ReadQuestion): QuestionPart[] {
  let parts = before.parts.filter((part) => part.kind !== "marker").map((part) => ({ ...part }));
  const named = read.parts.filter((part) => part.kind !== "marker" && part.kind !== "pronoun");
  const english = before.language === "en";

  const period = named.find((part) => part.kind === "period");
  // "In 2023?" opens the follow-up; inside the question it is "in 2023".
  const periodText = english ? period?.text.replace(/^(In|For|During|Over)\b/u, (word) => word.toLowerCase()) : period?.text;
  if (period) parts = replaceOrInsert(parts, ["period"], [{ ...period, text: periodText! }], english ? "end" : "start");
  const place = named.find((part) => part.kind === "place");
  if (place) parts = replaceOrInsert(parts, ["place"], [{ ...place }], english ? "end" : "after-period");
  const subject = firstRun(named, ["scope", "subject"]);
  const modified = subject && !english ? swapModifier(parts, subject) : undefined;
  if (modified) parts = modified;
  else if (subject) {
    // Keep the previous scope (规模以上) unless the follow-up names its own.
    const kinds: PartKind[] = subject.some((part) => part.kind === "scope") ? ["scope", "subject"] : ["subject"];
    parts = replaceOrInsert(parts, kinds, subject.map((part) => ({ ...part })), "before-indicator");
  }
  const measure = named.find((part) => part.kind === "measure");
  const askStart = named.findIndex((part) => part.kind === "aspect" || (part.kind === "tail" && !/^(?:的)$/u.test(part.text)));
  if (measure && (askStart < 0 || named.indexOf(measure) < askStart)) {
    parts = replaceOrInsert(parts, ["measure"], [{ ...measure }], "before-ask");
    // 演出收入呢 after 艺术表演团体多少个: a new measure is not counted in 个, and after a rank
    // question (居全国第几位) it is asked for as an amount.
    if (askStart < 0 && !english) {
      const rank = parts.some((part) => part.kind === "aspect" && /^(?:居|排|排名|排位|位次|位列)$/u.test(part.text));
      if (rank) parts = replaceAsk(parts, [{ kind: "tail", text: "是多少" }], false);
      else parts = parts.map((part) => (part.kind === "tail" && !part.text.startsWith("第") ? { ...part, text: part.text.replace(/(多少|几)[个家项种所座位名]$/u, "多少") } : part));
    }
  }
  if (askStart >= 0) {
    const ask = named.slice(askStart).filter((part) => part.kind !== "filler" || !/^[？?。！!\s]+$/u.test(part.text));
    parts = replaceAsk(parts, ask, english);
  }
  return parts;
}

/**
 * 国家级的呢 after 有多少个省级制造业创新中心: a follow-up naming only a distinguishing word
 * (jieba's "b": 省级, 国家级, 大型) swaps that word inside the previous subject, or qualifies the
 * previous subject with it, instead of replacing the whole subject.
 */
function swapModifier(parts: QuestionPart[], subject: QuestionPart[]): QuestionPart[] | undefined {
  const words = tagWords(joinParts(subject, "zh"));
  if (words.length === 0 || !words.every((word) => word.tag === "b")) return undefined;
  const index = parts.findIndex((part) => part.kind === "subject");
  if (index < 0) return undefined;
  const previous = tagWords(parts[index]!.text);
  const at = previous.findIndex((word) => word.tag === "b");
  const text = at >= 0
    ? previous.map((word, position) => (position === at ? words.map((modifier) => modifier.word).join("") : word.word)).join("")
    : `${words.map((word) => word.word).join("")}${parts[index]!.text}`;
  return parts.map((part, position) => (position === index ? { ...part, text } : part));
}

/** Replaces the first run of `kinds` with `replacement`, or inserts it where such a part belongs. */
function replaceOrInsert(parts: QuestionPart[], kinds: PartKind[], replacement: QuestionPart[], where: "start" | "end" | "after-period" | "before-indicator" | "before-ask"): QuestionPart[] {
  const start = parts.findIndex((part) => kinds.includes(part.kind));
  if (start >= 0) {
    let end = start;
    while (end < parts.length && kinds.includes(parts[end]!.kind)) end++;
    return [...parts.slice(0, start), ...replacement, ...parts.slice(end)];
  }
  const at = insertionPoint(parts, where);
  return [...parts.slice(0, at), ...replacement, ...parts.slice(at)];
}

function insertionPoint(parts: QuestionPart[], where: "start" | "end" | "after-period" | "before-indicator" | "before-ask"): number {
  const firstOf = (kinds: PartKind[]) => {
    const index = parts.findIndex((part) => kinds.includes(part.kind));
    return index < 0 ? undefined : index;
  };
  const endFiller = parts.length - (parts.at(-1)?.kind === "filler" && /^[？?。！!]+$/u.test(parts.at(-1)!.text) ? 1 : 0);
  switch (where) {
    case "start":
      return 0;
    case "end":
      return endFiller;
    case "after-period": {
      const period = parts.findIndex((part) => part.kind === "period");
      return period + 1;
    }
    case "before-indicator":
      return firstOf(["measure", "aspect", "tail"]) ?? endFiller;
    case "before-ask":
      return firstOf(["aspect"]) ?? firstOf(["tail"]) ?? endFiller;
  }
}

/**
 * Replaces what the previous question asked (its aspect and question words, to the end) with
 * what the follow-up asks. Chinese only: an English question's words are spread over it, so an
 * English aspect turn replaces just the aspect.
 */
function replaceAsk(parts: QuestionPart[], ask: QuestionPart[], english: boolean): QuestionPart[] {
  if (english) {
    const aspect = ask.find((part) => part.kind === "aspect");
    return aspect ? replaceOrInsert(parts, ["aspect"], [{ ...aspect }], "end") : parts;
  }
  const withTail = ask.some((part) => part.kind === "tail") ? ask : [...ask, defaultTail(ask)];
  const start = parts.findIndex((part) => part.kind === "aspect");
  const from = start >= 0 ? start : parts.findIndex((part) => part.kind === "tail");
  if (from < 0) return [...parts.filter((part) => !(part.kind === "filler" && /^[？?。！!]+$/u.test(part.text))), ...withTail];
  return [...parts.slice(0, from), ...withTail.map((part) => ({ ...part }))];
}

function defaultTail(ask: QuestionPart[]): QuestionPart {
  const rank = ask.some((part) => part.kind === "aspect" && /排|居|位/u.test(part.text));
  return { kind: "tail", text: rank ? "第几" : "是多少" };
}

function periodOf(parts: QuestionPart[]): QuestionPart | undefined {
  return parts.find((part) => part.kind === "period");
}

/** 去年 → 2023年 against the previous question's year (else the cited document's); 同期 takes its part of the year. */
function resolvePeriod(period: QuestionPart, before: ReadQuestion, documentPeriod: ReportingPeriod | undefined): void {
  const previous = before.parts.find((part) => part.kind === "period")?.text;
  const year = previous ? /((?:19|20)\d{2})/u.exec(previous)?.[1] : undefined;
  const anchor: ReportingPeriod | undefined = year ? { year: Number(year), part: partOfYear(previous!) } : documentPeriod;
  if (!anchor) return;
  let resolved = resolveTimeWords(period.text, anchor);
  if (/同期/u.test(resolved)) resolved = resolved.replace(/同期/u, anchor.part ?? "");
  if (before.language === "en" && !/^\s*(?:in|for|during|over)\b/iu.test(resolved)) resolved = `in ${resolved.trim()}`;
  period.text = resolved;
}

function partOfYear(period: string): string | undefined {
  return /上半年|下半年|前三季度|第?[一二三四]季度/u.exec(period)?.[0];
}

function tidy(question: string, language: "zh" | "en"): string {
  const trimmed = question.replace(/\s+/gu, language === "zh" ? "" : " ").trim();
  if (language === "zh") return trimmed.replace(/^[，,、\s]+/u, "").replace(/[？?。！!\s]+$/u, "").replace(/的的/gu, "的");
  const body = trimmed.replace(/[?.!\s]+$/u, "");
  return body === "" ? "" : `${body.charAt(0).toUpperCase()}${body.slice(1)}?`;
}
