import type { Chunk } from "../../ingest/types.js";
import { segmentWords } from "../../lexicon/jieba.js";
import { toSimplified } from "../../text/simplified.js";

/** A question made from one clause of a document, with the figure that answers it. */
export interface ExampleQuestion {
  question: string;
  /** The figure as the clause states it ("6.2%", "1387家"), which an answer to the question must give. */
  figure: string;
  documentId: string;
  chunkId: string;
}

const PERIOD = String.raw`\d{4}年(?:上半年|下半年|前三季度|第?[一二三四]季度|全年|\d{1,2}(?:[-—至]\d{1,2})?月(?:份)?)?`;
/** A sentence's lead period ("2024年上半年,"), which the clauses after it inherit. */
const LEAD_PERIOD = new RegExp(String.raw`^(${PERIOD})[,，、]?`, "u");
const UNIT = "%|个百分点|万亿元|亿元|万元|元|万户|户|家|个|项|万人|人|万辆|辆|万吨|吨|倍";
/**
 * One clause stating a figure of a named subject: an optional period, an optional 实现/完成, the
 * subject (3–16 Chinese characters), a verb (增长, 达到, 为…) and the figure with its unit.
 */
const FIGURE_CLAUSE = new RegExp(
  String.raw`^(?<period>${PERIOD})?(?<achieved>实现|完成)?(?<subject>[\u4e00-\u9fff]{3,16}?)(?<verb>(?:比上年|较上年|同比)?(?:增长|下降|上涨|提高|增加|减少|回落)|达到|达|为|突破|超过)?(?<figure>\d+(?:\.\d+)?(?:${UNIT}))$`,
  "u",
);
const CLAUSE_BREAK = /[,，、;；。：:]/u;
/**
 * Subjects that name nothing by themselves: opening with a pronoun, conjunction, comparison or
 * verb (其中, 比上年, 同比, 占), or ending in one (…床位占, …占藏品总量的, …初步核算).
 */
const WEAK_SUBJECT = /^(?:[其该此这那和与及并而且也都就则占比较]|同比|增长|增加|提高|下降|减少)|(?:[占比的约较]|核算|计算|增长|增加|提高|下降|减少|上涨)$/u;
const COUNT_UNIT = /(?:户|家|个|项|人|辆|吨)$/u;

/** Returns the question that `clause` (in a sentence led by `period`) answers, or undefined. */
function questionOfClause(clause: string, inheritedPeriod: string): { question: string; figure: string } | undefined {
  const match = FIGURE_CLAUSE.exec(clause);
  const groups = match?.groups;
  if (!groups) return undefined;
  const subject = groups.subject!;
  const verb = groups.verb;
  const figure = groups.figure!;
  const unit = /[^\d.]+$/u.exec(figure)?.[0] ?? "";
  // Without a verb a count may be of the subject's objects ("培育示范企业36个"), not its value.
  if ((!verb && !groups.achieved && COUNT_UNIT.test(unit) && unit.length <= 2) || WEAK_SUBJECT.test(subject)) return undefined;
  // A subject whose first word is a lone character starts mid-word (a line break in a PDF's text).
  if ((segmentWords(subject)[0]?.length ?? 0) < 2) return undefined;
  const period = groups.period ?? inheritedPeriod;
  if (verb && /增长|下降|上涨|提高|增加|减少|回落/u.test(verb)) return { question: `${period}${subject}${verb}多少？`, figure };
  if (COUNT_UNIT.test(unit) && unit.length <= 2) return { question: `${period}${subject}有多少${unit}？`, figure };
  return { question: `${period}${subject}是多少？`, figure };
}

/**
 * Returns the questions the chunks' sentences answer, in document order, each subject once: a
 * clause that states a figure of a named subject ("全省规模以上工业增加值同比增长6.2%") becomes a
 * question about it ("2024年上半年全省规模以上工业增加值同比增长多少？"), the sentence's lead period
 * kept. Headings and captions are skipped; Traditional text gives Simplified questions.
 * Deterministic; never throws.
 */
export function exampleQuestionsOf(chunks: readonly Chunk[]): ExampleQuestion[] {
  const examples: ExampleQuestion[] = [];
  const subjects = new Set<string>();
  for (const chunk of chunks) {
    if (chunk.kind === "heading" || chunk.kind === "caption") continue;
    for (const sentence of chunk.sentences) {
      // Questions are matched in Simplified, so a document in Traditional gives Simplified examples.
      const text = toSimplified(sentence.text);
      const period = LEAD_PERIOD.exec(text)?.[1] ?? "";
      for (const rawClause of text.split(CLAUSE_BREAK)) {
        const clause = rawClause.trim();
        const made = questionOfClause(clause, period);
        if (!made || subjects.has(made.question)) continue;
        subjects.add(made.question);
        examples.push({ ...made, documentId: chunk.documentId, chunkId: chunk.id });
      }
    }
  }
  return examples;
}

/**
 * Returns up to `count` example questions for `documentIds` (in that order), taking candidates
 * round-robin across documents and, within a document, one per sentence's first figure before a
 * second, each kept only when `isAnswerable` confirms it (at most `maxTries` checks in all).
 */
export async function pickExampleQuestions(options: {
  documentIds: readonly string[];
  chunksOf: (documentId: string) => readonly Chunk[];
  isAnswerable: (example: ExampleQuestion) => Promise<boolean>;
  count?: number;
  maxTries?: number;
}): Promise<string[]> {
  const count = options.count ?? 2;
  const maxTries = options.maxTries ?? 8;
  const queues = options.documentIds.map((documentId) => spreadBySentence(exampleQuestionsOf(options.chunksOf(documentId))));
  const picked: string[] = [];
  let tries = 0;
  for (let round = 0; picked.length < count && tries < maxTries; round++) {
    let any = false;
    for (const queue of queues) {
      const candidate = queue[round];
      if (!candidate) continue;
      any = true;
      if (tries >= maxTries || picked.length >= count) break;
      tries += 1;
      if (await options.isAnswerable(candidate)) picked.push(candidate.question);
    }
    if (!any) break;
  }
  return picked;
}

/**
 * Orders a document's candidates: those naming a period (a question that stands on its own) first,
 * and within each group the first of each chunk before any chunk's second.
 */
function spreadBySentence(examples: readonly ExampleQuestion[]): ExampleQuestion[] {
  const dated = examples.filter((example) => /^\d{4}年/u.test(example.question));
  const undated = examples.filter((example) => !/^\d{4}年/u.test(example.question));
  return [...firstPerChunk(dated), ...firstPerChunk(undated)];
}

function firstPerChunk(examples: readonly ExampleQuestion[]): ExampleQuestion[] {
  const firsts: ExampleQuestion[] = [];
  const rest: ExampleQuestion[] = [];
  const seenChunks = new Set<string>();
  for (const example of examples) {
    if (seenChunks.has(example.chunkId)) rest.push(example);
    else {
      seenChunks.add(example.chunkId);
      firsts.push(example);
    }
  }
  return [...firsts, ...rest];
}
