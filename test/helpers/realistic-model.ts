/**
 * A scripted "realistic" chat model on 127.0.0.1 (an OpenAI-compatible server, streamed and
 * not): it reads the passages and the question from the prompt the bot sends, finds the report
 * fact asked about (realistic-facts.ts), and answers it with one habit real chat models show, or
 * with one of the five wrong answers the verifier must never certify.
 *
 * ```ts
 * const model = await startRealisticModel({ behaviour: "ellipsis-join" });
 * // point the LLM answerer (or OPENAI_BASE_URL) at model.baseUrl, ask REPORT_FACTS[0].question
 * model.behaviour = "sibling"; // switch between questions
 * expect(model.rounds).toEqual(["draft"]);
 * await model.close();
 * ```
 *
 * Honest habits (the answer is right; only the form varies): plain, clause (quotes the clause and
 * adds "。"), ellipsis-join (two pieces of the passage joined with ……), ellipsis-cut (a long
 * sentence cut off with ……), quote-marks (“…” or 「…」 around the quote), lenticular-markers
 * (【n】), fullwidth-markers (［n］), end-marker (one marker at the end of two sentences),
 * off-by-one (cites the next passage), thousands (4,899亿元), english (489.9 billion yuan, 1,387,
 * 4th), think-braces (a <think> block holding a draft object), think-no-braces (a <think> block
 * that mentions {answer, citations, not_found}), think-unopened (reasoning ended by a lone
 * </think>), reasoning-content (reasoning in the delta's reasoning_content field), markdown
 * (**6.2%**), chinese-numerals (百分之六点二), fenced (```json), paraphrase (the answer in other
 * words: 规上 for 规模以上, 增幅 for 增长, 排名第4 for 居第4位).
 *
 * Wrong answers: sibling (a neighbouring figure of the same sentence), sibling-english (the same
 * in English, with subject words the dictionary cannot translate word for word: "smart
 * healthcare ranks 第5位", "36个 provincial-level enterprise technology centres"), flipped (下降 for 增长),
 * wrong-chinese-numeral (百分之六点三), wrong-english (498.9 billion yuan), reasoning-draft
 * (a wrong draft inside <think>, the right answer after it).
 *
 * On a repair request the model writes the plain correct answer (`onRepair: "correct"`) or
 * repeats its behaviour (`"repeat"`: a model that never recovers).
 */
import { readFigureValues } from "../../src/text/figure-values.js";
import { startOpenAIServer, type OpenAIServer, type RequestBody, type ScriptStep } from "./openai-server.js";
import { REPORT_FACTS, type ReportFact } from "./realistic-facts.js";

/** Answers right, in the forms real chat models write. */
export const HABITS = [
  "plain", "clause", "ellipsis-join", "ellipsis-cut", "quote-marks", "lenticular-markers", "fullwidth-markers", "end-marker",
  "off-by-one", "thousands", "english", "think-braces", "think-no-braces", "think-unopened", "reasoning-content", "markdown",
  "chinese-numerals", "fenced", "paraphrase",
] as const;
/** Answers wrong in the ways that used to be delivered as verified. */
export const WRONG_SHAPES = ["sibling", "sibling-english", "flipped", "wrong-chinese-numeral", "wrong-english", "reasoning-draft"] as const;

export type Habit = (typeof HABITS)[number];
export type WrongShape = (typeof WRONG_SHAPES)[number];
export type Behaviour = Habit | WrongShape;

/** A running realistic model. `behaviour` and `onRepair` may be changed between questions. */
export interface RealisticModel {
  baseUrl: string;
  behaviour: Behaviour;
  onRepair: "correct" | "repeat";
  /** Pause between streamed pieces, so a chat shows partial text while it streams. Default 0. */
  streamDelayMs: number;
  /** Every request the server received. */
  server: OpenAIServer;
  /** One entry per chat request answered: a first draft or a repair. */
  rounds: Array<"draft" | "repair">;
  /** Characters of each reply's content (reasoning included), in order, to compare citation modes. */
  replyChars: number[];
  close(): Promise<void>;
}

/** Starts the realistic model on 127.0.0.1. */
export async function startRealisticModel(
  options: { behaviour?: Behaviour; onRepair?: "correct" | "repeat"; streamDelayMs?: number } = {},
): Promise<RealisticModel> {
  const model = {
    behaviour: options.behaviour ?? "plain",
    onRepair: options.onRepair ?? "correct",
    streamDelayMs: options.streamDelayMs ?? 0,
    rounds: [] as Array<"draft" | "repair">,
    replyChars: [] as number[],
  } as RealisticModel;
  model.server = await startOpenAIServer((body) => replyTo(model, body));
  model.baseUrl = model.server.baseUrl;
  model.close = () => model.server.close();
  return model;
}

/** Returns the question to ask for `fact` so the model can show `behaviour` (English ones for English behaviours). */
export function questionFor(fact: ReportFact, behaviour: Behaviour): string {
  return (behaviour === "english" || behaviour === "wrong-english" || behaviour === "sibling-english") && fact.english ? fact.english.question : fact.question;
}

/** Returns true when `fact` has what `behaviour` needs (an English answer, a figure of four digits, a sibling…). */
export function appliesTo(fact: ReportFact, behaviour: Behaviour): boolean {
  switch (behaviour) {
    case "thousands":
      return fact.thousands !== undefined;
    case "english":
    case "wrong-english":
      return fact.english !== undefined;
    case "sibling":
      return fact.wrong.sibling !== undefined;
    case "sibling-english":
      return fact.english?.sibling !== undefined;
    case "flipped":
      return fact.wrong.flipped !== undefined;
    default:
      return true;
  }
}

/** The wrong figure a wrong shape puts in its answer text, to check it is never delivered as verified. */
export function wrongAnswerText(fact: ReportFact, shape: WrongShape): string {
  switch (shape) {
    case "sibling":
      return fact.wrong.sibling!;
    case "sibling-english":
      return fact.english!.sibling!;
    case "flipped":
      return fact.wrong.flipped!;
    case "wrong-chinese-numeral":
      return fact.wrong.chineseNumeral;
    case "wrong-english":
      return fact.english!.wrong;
    case "reasoning-draft":
      return fact.wrong.sibling ?? fact.wrong.chineseNumeral;
  }
}

interface Passage {
  n: number;
  text: string;
}

const PASSAGE = /<passage n="(\d+)"[^>]*>\n([\s\S]*?)\n<\/passage>/gu;
const NOT_FOUND = JSON.stringify({ answer: "段落中没有相关内容。", citations: [], not_found: true });

function replyTo(model: RealisticModel, body: RequestBody): ScriptStep {
  const messages = body.messages as Array<{ role: string; content: string }>;
  const system = messages[0]?.content ?? "";
  const user = messages.at(-1)?.content ?? "";
  const repair = /上一次的回答|previous reply/u.test(user);
  model.rounds.push(repair ? "repair" : "draft");
  const question = repair ? (/(?:问题：|Question: )(.+)/u.exec(user)?.[1]?.trim() ?? "") : user.trim();
  const fact = REPORT_FACTS.find((candidate) => candidate.question === question || candidate.english?.question === question);
  const passages = [...system.matchAll(PASSAGE)].map((match) => ({ n: Number(match[1]), text: match[2]! }));
  const home = fact ? passages.find((passage) => passage.text.includes(fact.clause)) : undefined;
  if (!fact || !home) return { content: NOT_FOUND };
  const english = fact.english?.question === question;
  const behaviour: Behaviour = repair && model.onRepair === "correct" ? (english ? "english" : "plain") : model.behaviour;
  const reply = compose(fact, behaviour, home, passages, sentenceIdsIn(home, fact));
  model.replyChars.push(reply.content.length + (reply.reasoning?.length ?? 0));
  return pieces(reply, body.stream === true, model.streamDelayMs);
}

/**
 * When the prompt numbers sentences ("[2.3] …" lines), the ids to cite: the sentence stating the
 * fact, and the one after it (a model citing one sentence off). Undefined for the quotes prompt.
 */
function sentenceIdsIn(home: Passage, fact: ReportFact): { right: string; next: string } | undefined {
  const lines = [...home.text.matchAll(/^\[(\d+\.\d+)\] (.*)$/gmu)].map((match) => ({ id: match[1]!, text: match[2]! }));
  if (lines.length === 0) return undefined;
  const index = lines.findIndex((line) => line.text.includes(fact.clause));
  const right = lines[index]!.id;
  return { right, next: (lines[index + 1] ?? lines[index - 1])?.id ?? right };
}

interface Reply {
  /** The reply's content (reasoning included when the model writes it into the content). */
  content: string;
  /** Reasoning sent in the `reasoning_content` field, for reasoning-content. */
  reasoning?: string;
}

/**
 * Builds the reply for one behaviour. With sentence `ids` (the sentence-id prompt) the same reply
 * cites ids instead: [n] of the fact's passage becomes the fact's sentence id, any other [n] the
 * neighbouring sentence's id (the id-citing form of citing the wrong passage), and no quotes are sent.
 */
function compose(fact: ReportFact, behaviour: Behaviour, home: Passage, passages: Passage[], ids?: { right: string; next: string }): Reply {
  const text = ids ? home.text.replace(/^\[\d+\.\d+\] /gmu, "") : home.text;
  const sentences = text.match(/[^。！？；\n]+[。！？；]?/gu) ?? [text];
  const index = sentences.findIndex((sentence) => sentence.includes(fact.clause));
  const sentence = sentences[index]!;
  const n = home.n;
  const json = (answer: string, citations: Array<{ n: number; quote: string }>) => {
    if (!ids) return JSON.stringify({ answer, citations, not_found: false });
    const cited = answer.replace(/([[［【])(\d+)([\]］】])/gu, (_marker, open: string, number: string, close: string) => `${open}${Number(number) === n ? ids.right : ids.next}${close}`);
    return JSON.stringify({ answer: cited, not_found: false });
  };
  const plain = json(`${fact.answer}[${n}]。`, [{ n, quote: sentence }]);
  switch (behaviour) {
    case "plain":
      return { content: plain };
    case "clause":
      return { content: json(`${fact.answer}[${n}]。`, [{ n, quote: `${fact.clause}。` }]) };
    case "ellipsis-join": {
      const other = sentences[index + 1] ?? sentences[index - 1];
      if (!other) return compose(fact, "ellipsis-cut", home, passages, ids);
      const pieces = sentences[index + 1] ? [fact.clause, other] : [other.replace(/[。！？；]$/u, ""), fact.clause];
      return { content: json(`${fact.answer}[${n}]。`, [{ n, quote: pieces.join("……") }]) };
    }
    case "ellipsis-cut": {
      const cut = sentence.slice(0, sentence.indexOf(fact.clause) + fact.clause.length);
      return { content: json(`${fact.answer}[${n}]。`, [{ n, quote: `${cut}……` }]) };
    }
    case "quote-marks": {
      const [open, close] = fact.id.length % 2 === 0 ? ["“", "”"] : ["「", "」"];
      return { content: json(`${fact.answer}[${n}]。`, [{ n, quote: `${open}${sentence}${close}` }]) };
    }
    case "lenticular-markers":
      return { content: json(`${fact.answer}【${n}】。`, [{ n, quote: sentence }]) };
    case "fullwidth-markers":
      return { content: json(`${fact.answer}［${n}］。`, [{ n, quote: sentence }]) };
    case "end-marker":
      return { content: json(`${fact.answer}。${fact.remark ?? "以上数据来自报告原文"}[${n}]。`, [{ n, quote: sentence }]) };
    case "off-by-one": {
      const wrong = passages.some((passage) => passage.n === n + 1) ? n + 1 : n - 1;
      if (!passages.some((passage) => passage.n === wrong)) return { content: plain };
      return { content: json(`${fact.answer}[${wrong}]。`, [{ n: wrong, quote: sentence }]) };
    }
    case "thousands":
      return { content: json(`${fact.thousands}[${n}]。`, [{ n, quote: sentence }]) };
    case "english":
      return { content: json(`${fact.english!.answer} [${n}].`, [{ n, quote: sentence }]) };
    case "think-braces":
      return { content: `<think>\n用户问的是${fact.question}先起草：{"answer": "${fact.answer}[${n}]", "citations": [{"n": ${n}, "quote": "${fact.clause}"}]}\n再核对原文，数字一致，引文改为整句。\n</think>\n\n${plain}` };
    case "think-no-braces":
      return { content: `<think>\n答案在第${n}段。我要按 {answer, citations, not_found} 的格式输出，并逐字引用原文。\n</think>\n${plain}` };
    case "think-unopened":
      return { content: `答案在第${n}段，先写草稿 {"answer": "${fact.answer}"}，再核对引文。\n</think>\n\n${plain}` };
    case "reasoning-content":
      return { content: plain, reasoning: `答案在第${n}段。草稿：{"answer": "${fact.answer}[${n}]"}。核对无误。` };
    case "markdown":
      return { content: json(`${emphasiseFigure(fact.answer)}[${n}]。`, [{ n, quote: sentence }]) };
    case "chinese-numerals":
      return { content: json(`${fact.chineseNumerals}[${n}]。`, [{ n, quote: sentence }]) };
    case "paraphrase":
      return { content: json(`${fact.paraphrase}[${n}]。`, [{ n, quote: sentence }]) };
    case "fenced":
      return { content: `\`\`\`json\n${plain}\n\`\`\`` };
    case "sibling":
    case "flipped":
    case "wrong-chinese-numeral":
      return { content: json(`${wrongAnswerText(fact, behaviour)}[${n}]。`, [{ n, quote: sentence }]) };
    case "wrong-english":
    case "sibling-english":
      return { content: json(`${wrongAnswerText(fact, behaviour)} [${n}].`, [{ n, quote: sentence }]) };
    case "reasoning-draft": {
      const draft = json(`${wrongAnswerText(fact, behaviour)}[${n}]。`, [{ n, quote: sentence }]);
      return { content: `<think>\n先写一个草稿：${draft}\n核对原文后发现数字不对，改正。\n</think>\n${plain}` };
    }
  }
}

/** Wraps the answer's last figure that is not a year in **bold**, the way chat models emphasise figures. */
function emphasiseFigure(answer: string): string {
  const figure = readFigureValues(answer).filter((candidate) => candidate.kind !== "year").at(-1);
  if (!figure) return answer;
  return `${answer.slice(0, figure.start)}**${figure.raw}**${answer.slice(figure.end)}`;
}

// Piece sizes cycle so streamed replies split inside words, numbers and tags, like real streams.
const PIECE_SIZES = [3, 7, 2, 9, 5, 4, 8, 6];

function split(text: string): string[] {
  const pieces: string[] = [];
  for (let index = 0, turn = 0; index < text.length; turn++) {
    const size = PIECE_SIZES[turn % PIECE_SIZES.length]!;
    pieces.push(text.slice(index, index + size));
    index += size;
  }
  return pieces;
}

function pieces(reply: Reply, streamed: boolean, delayBetweenMs: number): ScriptStep {
  if (reply.reasoning !== undefined) {
    const deltas = [...split(reply.reasoning).map((piece) => ({ reasoning_content: piece })), ...split(reply.content).map((piece) => ({ content: piece }))];
    return { deltas, delayBetweenMs };
  }
  return streamed ? { stream: split(reply.content), delayBetweenMs } : { content: reply.content };
}
