import { generalIdf } from "../../lexicon/general-idf.js";
import { segmentWords } from "../../lexicon/jieba.js";
import { toSimplified } from "../../text/simplified.js";
import { stripInvisible } from "../../text/strip-invisible.js";
import { QUESTION_WORDS, roleOfWord, type SmallTalkIntent, type WordRole } from "./message-words.js";

/** How a message is read before retrieval: a question about the reports, or small talk with its intent. */
export type MessageReading = { kind: "question" } | { kind: "small_talk"; intent: SmallTalkIntent };

/** Options for {@link classifyMessage}. */
export interface ClassifyMessageOptions {
  /**
   * True when the index knows `word` (it occurs in an indexed passage). With it, a word that is
   * neither known to the index nor a dictionary word ("bro", "啦啦") does not turn a greeting or
   * thanks into a question. Default: every such word counts as content.
   */
  knowsWord?: (word: string) => boolean;
}

/** Messages longer than this are read as questions without looking further (small talk is short). */
const MAX_SMALL_TALK_CHARS = 40;
const LATIN_OR_CJK_WORD = /[a-z][a-z']*|[\u3400-\u9fff\uf900-\ufaff]+/gu;
const CJK_RUN = /^[\u3400-\u9fff\uf900-\ufaff]+$/u;
/** When several intents occur ("你好，你是谁"), the reply answers the most specific one. */
const INTENT_ORDER: readonly SmallTalkIntent[] = ["overview", "identity", "thanks", "help", "farewell", "greeting", "acknowledgement"];

/**
 * Returns whether `message` asks something of the reports or is small talk (a greeting, thanks, a
 * request for help, "who are you", "what is this report about", "ok", "bye"). The rule is general:
 * the message's words (jieba for Chinese, Traditional folded) are read by role, and any word that
 * may name a subject — a word the index knows, a dictionary word, a figure — makes it a question,
 * so "你好，规上工业增长多少？" and "GDP多少" are questions and "你好！" is not. Never throws.
 */
export function classifyMessage(message: string, options: ClassifyMessageOptions = {}): MessageReading {
  const text = toSimplified(stripInvisible(message)).toLowerCase().trim();
  // Figures and long messages always go to retrieval: small talk carries neither.
  if (/\d/u.test(text) || [...text].length > MAX_SMALL_TALK_CHARS) return { kind: "question" };
  const roles: WordRole[] = [];
  let asks = text.includes("?") || text.includes("？");
  const unknown: string[] = [];
  for (const word of messageWords(text)) {
    if (QUESTION_WORDS.has(word)) asks = true;
    const role = roleOfWord(word);
    if (role) roles.push(role);
    else unknown.push(word);
  }
  const social = roles.filter((role): role is SmallTalkIntent => role !== "function" && role !== "document");
  if (unknown.length > 0) {
    // A word of unknown role is content unless it is plainly noise next to a greeting or thanks:
    // unknown to the index and the dictionary, in a message that asks nothing.
    const noise = (word: string) => options.knowsWord !== undefined && !options.knowsWord(word) && !generalIdf().has(word);
    if (asks || social.length === 0 || !unknown.every(noise)) return { kind: "question" };
  }
  if (roles.includes("document") && (roles.includes("overview") || roles.includes("identity") || asks)) return { kind: "small_talk", intent: "overview" };
  const intent = INTENT_ORDER.find((candidate) => candidate !== "overview" && social.includes(candidate));
  // Only particles, question words or emoji ("？", "👍", "在吗"): say what the bot can do.
  return { kind: "small_talk", intent: intent ?? (asks ? "help" : "acknowledgement") };
}

/** Returns true when `message` is not a question about the reports (see {@link classifyMessage}). */
export function isSmallTalk(message: string, options: ClassifyMessageOptions = {}): boolean {
  return classifyMessage(message, options).kind === "small_talk";
}

const OPENING_ROLES: ReadonlySet<WordRole> = new Set(["greeting", "thanks", "acknowledgement", "farewell"]);
const SEPARATOR = /^[\s,，.。!！~～、;；:：]+/u;

/**
 * Returns `question` without the greeting or thanks it opens with ("你好，规上工业增长多少？" →
 * "规上工业增长多少？", "Hi, what was…" → "what was…"), so the answerer never looks for "你好" in the
 * reports; `question` itself when it opens otherwise or is nothing but the opening. Never throws.
 */
export function withoutSocialOpening(question: string): string {
  let rest = question.trimStart();
  for (;;) {
    const match = /^(?:[a-z][a-z']*|[\u3400-\u9fff\uf900-\ufaff]+)/iu.exec(rest);
    if (!match) break;
    const piece = match[0];
    const folded = toSimplified(piece).toLowerCase();
    const first = CJK_RUN.test(piece) ? (roleOfWord(folded) ? folded : segmentWords(folded)[0]) : folded;
    const role = first ? roleOfWord(first) : undefined;
    if (!first || !role || !OPENING_ROLES.has(role)) break;
    const after = rest.slice(first.length);
    // Only a word that stands apart is an opening: followed by punctuation or a space, or, for a
    // greeting or thanks, by the next Chinese word ("你好规上工业…"; but "对亚硫酸盐…" keeps its 对).
    const next = after.replace(SEPARATOR, "");
    const glued = next === after;
    if (next === "" || (glued && (!CJK_RUN.test(piece) || (role !== "greeting" && role !== "thanks")))) break;
    rest = next;
  }
  return rest === "" ? question : rest;
}

/** The message's words: Latin words as written, Chinese runs cut by jieba. */
function messageWords(text: string): string[] {
  const words: string[] = [];
  for (const match of text.matchAll(LATIN_OR_CJK_WORD)) {
    const piece = match[0];
    if (!CJK_RUN.test(piece) || roleOfWord(piece)) words.push(piece);
    else words.push(...segmentWords(piece));
  }
  return words;
}
