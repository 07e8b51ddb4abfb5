/**
 * Answerable questions that share fewer words with their passage: the mirror image of the swapped
 * questions (hard-negatives.ts). CMRC questions mostly reuse their passage's words, so a decision
 * fitted on them alone cannot learn what a paraphrase looks like; real users write 公司 where a
 * report writes 企业. These are made from CMRC questions by replacing words the gold passage
 * contains with a word of related meaning (word-relatedness.ts) that the passage does not contain:
 * the passage still answers the question, now only through the related word.
 */
import { generalIdf } from "../../lexicon/general-idf.js";
import { tagWords } from "../../lexicon/jieba.js";
import { wordKind, type WordKind } from "../../lexicon/word-kinds.js";
import { wordRelatedness, type WordRelatedness } from "../../lexicon/word-relatedness.js";

/** One rewritten question: which words were replaced by which. */
export interface ParaphrasePositive {
  question: string;
  replacements: Array<{ replaced: string; replacement: string; strength: number }>;
}

/** Kinds of words that are replaced: what a user may say in other words (names and numbers stay). */
const REPLACEABLE: ReadonlySet<WordKind> = new Set(["noun", "verb", "modifier"]);
/** Among this many of a word's strongest related words, the seed picks one (the strongest are not always the likeliest). */
const CHOICES = 3;

/**
 * Returns up to `count` paraphrases of `question` (default 2): the first replaces its most telling
 * (highest IDF) replaceable word that the gold `context` contains and that has a related word the
 * context lacks, the second also the next such word. A replacement must relate back to the word
 * it replaces (the answerer looks for the passage's word among the replacement's related words).
 * Deterministic for a seed.
 */
export function makeParaphrasePositives(options: {
  question: string;
  context: string;
  seed: number;
  count?: number;
  relatedness?: WordRelatedness;
}): ParaphrasePositive[] {
  const relatedness = options.relatedness ?? wordRelatedness();
  const idf = generalIdf();
  const words = tagWords(options.question)
    .filter(({ word, tag }) => word.length >= 2 && REPLACEABLE.has(wordKind(word, tag)) && options.context.includes(word))
    .map(({ word }) => word)
    .filter((word, index, all) => all.indexOf(word) === index)
    .sort((a, b) => idf.of(b) - idf.of(a));
  const replacements: ParaphrasePositive["replacements"] = [];
  for (const [position, word] of words.entries()) {
    const options_ = relatedness
      .related(word)
      .filter((related) => !options.context.includes(related.word) && !options.question.includes(related.word))
      .filter((related) => relatedness.related(related.word).some((back) => back.word === word))
      .slice(0, CHOICES);
    if (options_.length === 0) continue;
    const chosen = options_[(options.seed * 7919 + position * 104729) % options_.length]!;
    replacements.push({ replaced: word, replacement: chosen.word, strength: chosen.strength });
    if (replacements.length >= (options.count ?? 2)) break;
  }
  const positives: ParaphrasePositive[] = [];
  for (let size = 1; size <= replacements.length; size++) {
    const used = replacements.slice(0, size);
    let question = options.question;
    for (const { replaced, replacement } of used) question = question.replace(replaced, replacement);
    positives.push({ question, replacements: used });
  }
  return positives;
}
