/**
 * Citing by sentence id, the way the Anthropic and Cohere citation APIs do: the prompt numbers
 * each passage's sentences ([2.3] is passage 2, sentence 3), the model cites ids instead of
 * copying sentences, and the bot puts the exact sentences in itself. The verifier then checks
 * the answer's figures against those sentences as it checks quotes.
 */
import { z } from "zod";
import { ModelError } from "../../errors.js";
import type { RetrievedPassage } from "../../retrieve/types.js";
import type { AnswerDraft } from "../types.js";
import { parseReplyObject } from "./parse-reply.js";

/** The JSON shape the sentence-id prompts ask for. */
export const sentenceIdReplySchema = z.object({
  answer: z.string(),
  not_found: z.boolean().optional(),
  notFound: z.boolean().optional(),
});

// "[2.3]", "[2.3][1.1]", "[2.3, 1.1]", with full-width or lenticular brackets too.
const ID_MARKER = /[[［【]\s*(\d+\.\d+(?:\s*[,，、]\s*\d+\.\d+)*)\s*[\]］】]/gu;

/** Returns the sentences of a retrieved passage, in order, as text of its chunk (the whole chunk when it has none). */
export function passageSentences(passage: RetrievedPassage): string[] {
  const { chunk } = passage;
  const sentences = chunk.sentences
    .filter((sentence) => sentence.start >= chunk.start && sentence.end <= chunk.end)
    .map((sentence) => chunk.text.slice(sentence.start - chunk.start, sentence.end - chunk.start).trim())
    .filter((sentence) => sentence !== "");
  return sentences.length > 0 ? sentences : [chunk.text];
}

/**
 * Returns the draft in a sentence-id reply: each distinct id becomes a citation (numbered in order
 * of first use) whose quote is that sentence, and the markers become [n].
 * @throws ModelError malformed_output when the reply is not the agreed JSON or cites a sentence that does not exist.
 */
export function parseSentenceIdReply(content: string, model: string, passages: RetrievedPassage[]): AnswerDraft {
  const reply = parseReplyObject(content, model, sentenceIdReplySchema);
  const numbers = new Map<string, number>();
  const citations: AnswerDraft["citations"] = [];
  const missing: string[] = [];
  const text = reply.answer.replace(ID_MARKER, (_marker, list: string) =>
    list
      .split(/[,，、]/u)
      .map((written) => {
        const id = written.trim();
        let n = numbers.get(id);
        if (n === undefined) {
          n = numbers.size + 1;
          numbers.set(id, n);
          const [passageNumber, sentenceNumber] = id.split(".").map(Number) as [number, number];
          const passage = passages[passageNumber - 1];
          const sentence = passage ? passageSentences(passage)[sentenceNumber - 1] : undefined;
          if (sentence === undefined) missing.push(`${id} (${passage ? `passage ${passageNumber} has sentences ${passageNumber}.1 to ${passageNumber}.${passageSentences(passage).length}` : `there is no passage ${passageNumber}`})`);
          citations.push({ n, passage: passageNumber, quote: sentence ?? "" });
        }
        return `[${n}]`;
      })
      .join(""),
  );
  if (missing.length > 0) throw new ModelError(`Model reply cites sentences that do not exist: ${missing.join(", ")}`, "malformed_output", model);
  const notFound = reply.not_found ?? reply.notFound ?? false;
  return { text, citations, notFound, model, reply: JSON.stringify({ answer: reply.answer, not_found: notFound }) };
}

/** Returns the sentence id ("2.3") of each citation of a draft made from sentence ids, by marker number. */
export function sentenceIdsOf(draft: AnswerDraft, passages: RetrievedPassage[]): Map<number, string> {
  const ids = new Map<number, string>();
  for (const citation of draft.citations) {
    const passage = passages[citation.passage - 1];
    const index = passage ? passageSentences(passage).indexOf(citation.quote) : -1;
    if (index !== -1) ids.set(citation.n, `${citation.passage}.${index + 1}`);
  }
  return ids;
}
