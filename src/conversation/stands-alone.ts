import type { ReadQuestion } from "./question-parts.js";

/** Why a message was judged to stand alone or to lean on the conversation. */
export type StandingReason =
  | "complete" // names a subject and asks something about it: a new question (a topic change inherits nothing)
  | "pronoun" // 它 / 其 / 这个 / it / its: points back at the previous subject
  | "continues" // opens as a continuation (那… / 还有… / And… / What about…)
  | "fragment" // names only some slots (X呢, 去年呢, 排第几, a bare subject) or only asks (具体有哪些？)
  | "no_slots"; // names nothing this reader knows: left as typed

/** The decision whether a message stands alone, and why. */
export interface Standing {
  alone: boolean;
  reason: StandingReason;
}

const LEADING_CONTINUATION_ZH = /^(?:那么?|还有|另外|而|那如果|再问一下)(?![个些样])/u;
const TRAILING_NE = /(?:的)?呢[\s？?。！!]*$/u;
const LEADING_CONTINUATION_EN = /^\s*(?:and|what about|how about|and what about|what of|same for|then|also)\b/iu;

/**
 * Returns whether `message` (read into parts) stands alone. Decided from what it covers — a
 * subject, a kind of question (question words, what is measured), pronouns and continuation
 * words — never from its length: "高技术制造业增加值增长多少？" is short and complete, and
 * "那2023年全省高技术制造业营业收入占比呢？" is long and still a follow-up.
 */
export function standsAlone(message: string, read: ReadQuestion): Standing {
  const kinds = new Set(read.parts.map((part) => part.kind));
  const hasSubject = kinds.has("subject");
  const asks = kinds.has("tail") || kinds.has("aspect") || kinds.has("measure");
  // 其中 narrows the previous subject ("其中规模以上工业呢"), like a pronoun.
  if (kinds.has("pronoun")) return { alone: false, reason: "pronoun" };
  const continues = read.language === "zh" ? LEADING_CONTINUATION_ZH.test(message.trim()) : LEADING_CONTINUATION_EN.test(message);
  if (continues) return { alone: false, reason: "continues" };
  // "…增长了多少呢？" asks in full; only a 呢 with no question word leans on what came before.
  const questionWords = read.parts.some((part) => part.kind === "tail" && !/^(?:是|有|为|了)$/u.test(part.text));
  if (read.language === "zh" && TRAILING_NE.test(message) && !questionWords) return { alone: false, reason: "fragment" };
  if (hasSubject && asks) return { alone: true, reason: "complete" };
  const slots = ["subject", "period", "place", "scope", "measure", "aspect"].some((kind) => kinds.has(kind as never));
  // "具体有哪些？" / "分别是多少？" asks about what came before; a message with no question word either is left alone.
  if (!slots && !questionWords) return { alone: true, reason: "no_slots" };
  return { alone: false, reason: "fragment" };
}
