/**
 * Turns a model's reply into an AnswerDraft. Models wrap JSON in ```json fences, add a
 * sentence before it, or send numbers as strings; all of that is tolerated. Anything that is
 * not one JSON object of the agreed shape is a malformed_output ModelError.
 */
import { z } from "zod";
import { ModelError } from "../../errors.js";
import type { AnswerDraft } from "../types.js";

/** The JSON shape the prompts ask for; `n` is the 1-based passage number. */
export const replySchema = z.object({
  answer: z.string(),
  citations: z
    .array(z.object({ n: z.coerce.number().int().positive(), quote: z.string() }))
    .nullish()
    .transform((citations) => citations ?? []),
  not_found: z.boolean().optional(),
  notFound: z.boolean().optional(),
});

/** Returns the outermost `{…}` of `text` (string-aware), or undefined when there is none. */
export function findJsonObject(text: string): string | undefined {
  const first = text.indexOf("{");
  if (first === -1) return undefined;
  let depth = 0;
  let inString = false;
  for (let index = first; index < text.length; index++) {
    const character = text[index];
    if (inString) {
      if (character === "\\") index++;
      else if (character === '"') inString = false;
    } else if (character === '"') inString = true;
    else if (character === "{") depth++;
    else if (character === "}" && --depth === 0) return text.slice(first, index + 1);
  }
  // Unbalanced (e.g. a stray brace inside unquoted text): the widest candidate is the best guess.
  const last = text.lastIndexOf("}");
  return last > first ? text.slice(first, last + 1) : undefined;
}

/**
 * Returns the draft in a model reply.
 * @throws ModelError with reason malformed_output when the reply holds no valid JSON object of the agreed shape.
 */
export function parseReply(content: string, model: string): AnswerDraft {
  const candidate = findJsonObject(content.replace(/```(?:json)?/giu, ""));
  if (candidate === undefined) {
    const problem = content.includes("{") ? "is not valid JSON (the object is never closed)" : "contains no JSON object";
    throw new ModelError(`Model reply ${problem}: ${JSON.stringify(content.slice(0, 200))}`, "malformed_output", model);
  }
  let json: unknown;
  try {
    json = JSON.parse(candidate);
  } catch (error) {
    throw new ModelError(`Model reply is not valid JSON (${(error as Error).message}): ${JSON.stringify(content.slice(0, 200))}`, "malformed_output", model, { cause: error });
  }
  const parsed = replySchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`).join("; ");
    throw new ModelError(`Model reply JSON has the wrong shape (${issues})`, "malformed_output", model, { cause: parsed.error });
  }
  const reply = parsed.data;
  return {
    text: reply.answer,
    citations: reply.citations.map((citation) => ({ n: citation.n, passage: citation.n, quote: citation.quote })),
    notFound: reply.not_found ?? reply.notFound ?? false,
    model,
  };
}

/** Returns `draft` as the JSON the model originally sent (or would have), for the repair prompt. */
export function draftToReplyJson(draft: AnswerDraft): string {
  return JSON.stringify({
    answer: draft.text,
    citations: draft.citations.map((citation) => ({ n: citation.passage, quote: citation.quote })),
    not_found: draft.notFound,
  });
}
