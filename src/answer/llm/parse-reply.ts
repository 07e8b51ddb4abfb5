/**
 * Turns a model's reply into an AnswerDraft. Models wrap JSON in ```json fences, add a
 * sentence before it, think aloud before it (`<think>…</think>`), or send numbers as strings;
 * all of that is tolerated. Anything that is not one JSON object of the agreed shape is a
 * malformed_output ModelError.
 */
import { z } from "zod";
import { ModelError } from "../../errors.js";
import type { AnswerDraft } from "../types.js";
import { withoutReasoning } from "./reasoning.js";

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

/**
 * Returns every top-level `{…}` of `text` in order (string-aware inside objects). An object
 * never closed yields its widest candidate (up to the last "}"), the best guess for a stray
 * brace inside unquoted text. Never throws.
 */
export function findJsonObjects(text: string): string[] {
  const objects: string[] = [];
  let start = -1;
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    if (depth === 0) {
      if (character === "{") {
        start = index;
        depth = 1;
      }
      continue;
    }
    if (inString) {
      if (character === "\\") index++;
      else if (character === '"') inString = false;
    } else if (character === '"') inString = true;
    else if (character === "{") depth++;
    else if (character === "}" && --depth === 0) objects.push(text.slice(start, index + 1));
  }
  if (depth > 0) {
    const last = text.lastIndexOf("}");
    if (last > start) objects.push(text.slice(start, last + 1));
  }
  return objects;
}

/**
 * Returns the reply's answer object parsed with `schema`: reasoning (`<think>…</think>`) is
 * dropped first, and of the JSON objects left the last one of the agreed shape is the answer (a
 * model that drafts before answering writes the answer last).
 * @throws ModelError with reason malformed_output when the reply holds no valid JSON object of the agreed shape.
 */
export function parseReplyObject<Schema extends z.ZodType>(content: string, model: string, schema: Schema): z.output<Schema> {
  const answerPart = withoutReasoning(content).replace(/```(?:json)?/giu, "");
  const candidates = findJsonObjects(answerPart);
  if (candidates.length === 0) {
    const problem = answerPart.includes("{") ? "is not valid JSON (the object is never closed)" : "contains no JSON object";
    throw new ModelError(`Model reply ${problem}: ${JSON.stringify(content.slice(0, 200))}`, "malformed_output", model);
  }
  let failure: ModelError | undefined;
  for (const candidate of candidates.reverse()) {
    let json: unknown;
    try {
      json = JSON.parse(candidate);
    } catch (error) {
      failure ??= new ModelError(`Model reply is not valid JSON (${(error as Error).message}): ${JSON.stringify(content.slice(0, 200))}`, "malformed_output", model, { cause: error });
      continue;
    }
    const parsed = schema.safeParse(json);
    if (parsed.success) return parsed.data;
    const issues = parsed.error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`).join("; ");
    failure ??= new ModelError(`Model reply JSON has the wrong shape (${issues})`, "malformed_output", model, { cause: parsed.error });
  }
  throw failure!;
}

/**
 * Returns the draft in a model reply that quotes its sources (the default citation mode).
 * @throws ModelError with reason malformed_output when the reply holds no valid JSON object of the agreed shape.
 */
export function parseReply(content: string, model: string): AnswerDraft {
  const reply = parseReplyObject(content, model, replySchema);
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
