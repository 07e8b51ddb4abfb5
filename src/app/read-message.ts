/**
 * How the services read a message before retrieval: small talk gets its short reply and never
 * reaches the answerer; a question is folded to Simplified, loses a greeting it opens with, and
 * has its single typos corrected against the terms of the passages it retrieves.
 */
import type { Answer } from "../answer/types.js";
import { detectLanguage } from "../answer/language.js";
import { generalIdf } from "../lexicon/general-idf.js";
import { classifyMessage, withoutSocialOpening } from "../question/small-talk/classify-message.js";
import { pickExampleQuestions, type ExampleQuestion } from "../question/small-talk/example-questions.js";
import { smallTalkReplyOf, type VisibleDocument } from "../question/small-talk/small-talk-reply.js";
import { smallTalkText } from "../question/small-talk/small-talk-text.js";
import { correctTypos, suspectedTypoPositions, type Correction } from "../question/spelling/correct-typos.js";
import { vocabularyOfWords, wordsOfText } from "../question/spelling/index-vocabulary.js";
import { searchFilterOf } from "../retrieve/retrieve.js";
import type { RetrievedPassage } from "../retrieve/types.js";
import type { KnowledgeIndex } from "../store/types.js";
import { toSimplified } from "../text/simplified.js";

/** What a message turned out to be. */
export type MessageReadingResult =
  | { kind: "small_talk"; answer: Answer }
  | {
      kind: "question";
      /** The question to retrieve and answer with: Simplified, typos corrected. */
      question: string;
      corrections: Correction[];
      /** Passages already retrieved for `question` (while checking its spelling), to reuse. */
      passages?: RetrievedPassage[];
      retrieveMs: number;
    };

/** Reads messages for one services instance; example questions are cached per generation and document set. */
export interface MessageReader {
  /**
   * `documents` are those the chat may see, and `collections` their grant (src/access; absent: every
   * collection): examples, word look-ups and the spelling check's passages come only from them.
   */
  read(options: {
    message: string;
    index: KnowledgeIndex;
    documents: readonly VisibleDocument[];
    mode: Answer["mode"];
    collections?: ReadonlySet<string>;
  }): Promise<MessageReadingResult>;
}

const generalWords = { isDictionaryWord: (word: string) => generalIdf().has(word), characterIdf: (character: string) => generalIdf().of(character) };
/** Example sets kept (one per generation and visible-document set); older ones are dropped first. */
const MAX_CACHED_EXAMPLE_SETS = 32;
/** Passages whose jieba words are kept for the spelling check (popular passages are cut once). */
const MAX_CACHED_PASSAGE_WORDS = 2000;

/**
 * Returns the reader. `retrieve` is the services' retrieval on one generation; `answerExtractively`
 * answers with the extractive answerer only, to confirm that an example question is answered.
 */
export function createMessageReader(options: {
  retrieve: (index: KnowledgeIndex, question: string, collections?: ReadonlySet<string>) => Promise<RetrievedPassage[]>;
  answerExtractively: (index: KnowledgeIndex, question: string, collections?: ReadonlySet<string>) => Promise<Answer>;
}): MessageReader {
  const examples = new Map<string, Promise<string[]>>();
  const passageWords = new Map<string, string[]>();
  const wordsOfPassage = (passage: RetrievedPassage): string[] => {
    // The id is stable while the text is unchanged; the length guards against any reuse of an id.
    const key = `${passage.chunk.id}:${passage.chunk.text.length}`;
    let words = passageWords.get(key);
    if (!words) {
      words = wordsOfText(passage.chunk.text);
      if (passageWords.size >= MAX_CACHED_PASSAGE_WORDS) passageWords.delete(passageWords.keys().next().value!);
      passageWords.set(key, words);
    }
    return words;
  };

  const examplesFor = (index: KnowledgeIndex, documents: readonly VisibleDocument[], collections?: ReadonlySet<string>): Promise<string[]> => {
    const key = `${index.manifest.generationId}\u0000${documents.map((document) => document.id).join(",")}`;
    let cached = examples.get(key);
    if (!cached) {
      cached = pickExampleQuestions({
        documentIds: documents.map((document) => document.id),
        chunksOf: (documentId) => index.getDocumentChunks(documentId),
        isAnswerable: (example) => answersExample(index, example, collections),
      });
      // A failure is not cached: the next small talk tries again.
      cached.catch(() => examples.delete(key));
      if (examples.size >= MAX_CACHED_EXAMPLE_SETS) examples.delete(examples.keys().next().value!);
      examples.set(key, cached);
    }
    return cached;
  };

  const answersExample = async (index: KnowledgeIndex, example: ExampleQuestion, collections?: ReadonlySet<string>): Promise<boolean> => {
    const answer = await options.answerExtractively(index, example.question, collections);
    const figure = /^\d+(?:\.\d+)?/u.exec(example.figure)?.[0] ?? example.figure;
    return (
      answer.status === "answered" &&
      answer.citations.length > 0 &&
      answer.citations.every((citation) => citation.verified) &&
      answer.text.includes(figure) &&
      answer.citations.some((citation) => citation.quote.includes(figure))
    );
  };

  return {
    async read({ message, index, documents, mode, collections }) {
      const started = performance.now();
      // Under a grant, "does the index know this word" asks only the visible documents: the reply
      // must not tell whether a word stands in a document the chat may not see.
      const filter = searchFilterOf(index, collections);
      const reading = classifyMessage(message, { knowsWord: (word) => index.searchKeywords(word, 1, filter).length > 0 });
      if (reading.kind === "small_talk") {
        // Without examples the reply still says what the bot does and which documents it knows.
        const examples = await examplesFor(index, documents, collections).catch(() => []);
        const reply = smallTalkReplyOf({
          intent: reading.intent,
          documents,
          examples,
          chunksOf: (documentId) => index.getDocumentChunks(documentId),
        });
        const answer: Answer = {
          status: "answered",
          mode,
          text: smallTalkText(reply, detectLanguage(message) === "en" ? "en" : "zh"),
          citations: [],
          timings: { retrieveMs: 0, answerMs: Math.round((performance.now() - started) * 100) / 100 },
          question: message,
          retrieved: [],
          smallTalk: reply,
        };
        return { kind: "small_talk", answer };
      }
      const folded = withoutSocialOpening(toSimplified(message));
      if (suspectedTypoPositions(folded, generalWords).length === 0) return { kind: "question", question: folded, corrections: [], retrieveMs: 0 };
      // The terms a typo is read against are those of the passages the question finds: they are
      // about what was asked, and a few passages cost ~1 ms where the whole index would cost seconds.
      const retrieveStarted = performance.now();
      // A failed retrieval is left to the answering step, which retries it and reports the failure.
      const passages = await options.retrieve(index, folded, collections).catch(() => undefined);
      const retrieveMs = performance.now() - retrieveStarted;
      if (!passages) return { kind: "question", question: folded, corrections: [], retrieveMs };
      const vocabulary = vocabularyOfWords(passages.map(wordsOfPassage), generalWords.isDictionaryWord);
      const corrected = correctTypos(folded, { ...generalWords, vocabulary: () => vocabulary });
      if (corrected.corrections.length === 0) return { kind: "question", question: folded, corrections: [], passages, retrieveMs };
      return { kind: "question", question: corrected.text, corrections: corrected.corrections, retrieveMs };
    },
  };
}

/**
 * Returns `answer` as the services deliver it for `reading` of `message`: the question as asked,
 * what it was read as when that differs, the corrections, and the spelling check's retrieval time.
 */
export function withReading(answer: Answer, message: string, reading: Extract<MessageReadingResult, { kind: "question" }>): Answer {
  return {
    ...answer,
    question: message,
    ...(reading.question !== message ? { readAs: reading.question } : {}),
    ...(reading.corrections.length > 0 ? { corrections: reading.corrections } : {}),
    timings: { ...answer.timings, retrieveMs: Math.round((answer.timings.retrieveMs + reading.retrieveMs) * 100) / 100 },
  };
}

/** Returns a retrieval that serves `reading`'s passages for its own question once, and `retrieve` otherwise. */
export function reusingPassages(
  reading: Extract<MessageReadingResult, { kind: "question" }>,
  retrieve: (question: string) => Promise<RetrievedPassage[]>,
): (question: string) => Promise<RetrievedPassage[]> {
  let passages = reading.passages;
  return async (question) => {
    if (passages && question === reading.question) {
      const reused = passages;
      passages = undefined;
      return reused;
    }
    return retrieve(question);
  };
}
