import { readFile } from "node:fs/promises";
import { z } from "zod";

/** The kinds of gold question; the eval reports accuracy per kind. */
export const GOLD_KINDS = ["figure", "list", "paraphrase", "fact", "unanswerable"] as const;

const goldQuestionSchema = z
  .object({
    id: z.string().min(1),
    question: z.string().min(1),
    lang: z.enum(["zh", "en"]),
    kind: z.enum(GOLD_KINDS),
    answerable: z.boolean(),
    /** Exact substrings of the clean report; a retrieved chunk is relevant when it contains one. */
    evidence: z.array(z.string().min(1)),
    /** Gold figures or short phrases; the answer is correct when it contains any one of them. */
    expected: z.array(z.string().min(1)),
    /** True when the question reuses the report's own wording (the hit@5 ≥ 0.95 target applies). */
    sharesWording: z.boolean(),
  })
  .refine((question) => question.answerable === (question.kind !== "unanswerable"), {
    message: "answerable must be false exactly for kind 'unanswerable'",
  })
  .refine((question) => !question.answerable || (question.evidence.length > 0 && question.expected.length > 0), {
    message: "an answerable question needs evidence and expected strings",
  });

/** One question of the gold set for the shipped report (test/eval/gold.json). */
export type GoldQuestion = z.infer<typeof goldQuestionSchema>;

/**
 * Validates parsed JSON as a gold question list and returns it.
 * @throws Error naming the first invalid entry.
 */
export function parseGoldQuestions(data: unknown): GoldQuestion[] {
  const parsed = z.array(goldQuestionSchema).safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid gold question set at ${issue?.path.join(".") ?? "(root)"}: ${issue?.message ?? "unknown"}`);
  }
  return parsed.data;
}

/**
 * Reads and validates a gold question file.
 * @throws when the file is unreadable, not JSON, or not a valid gold set.
 */
export async function loadGoldQuestions(path: string): Promise<GoldQuestion[]> {
  return parseGoldQuestions(JSON.parse(await readFile(path, "utf8")));
}
