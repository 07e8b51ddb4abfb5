import { readFile } from "node:fs/promises";
import { z } from "zod";

const TURN_KINDS = ["opening", "subject", "pronoun", "attribute", "period", "english", "topic_change", "small_talk", "not_in_report"] as const;

const turnSchema = z.object({
  message: z.string().min(1),
  /** What the turn tests (see test/eval/dialogues/*.json). */
  kind: z.enum(TURN_KINDS),
  /** The earlier turn (index) whose answer this message replies to in Telegram. */
  replyTo: z.number().int().min(0).optional(),
  /** A figure the right answer states. */
  figure: z.string().optional(),
  /** The figure a wrong answer to a follow-up the report does not answer would state. */
  notFigure: z.string().optional(),
});

const setSchema = z.object({
  corpus: z.enum(["shipped", "development"]),
  /** Development corpus files the dialogues are about (development sets only). */
  documents: z.array(z.string()).optional(),
  note: z.string().optional(),
  dialogues: z.array(z.object({ id: z.string(), turns: z.array(turnSchema).min(1) })),
});

/** One turn of a development dialogue. */
export type DialogueTurn = z.infer<typeof turnSchema>;
/** A file of development dialogues about one corpus. */
export type DialogueSet = z.infer<typeof setSchema>;

/**
 * Returns the dialogue set in `path`.
 * @throws Error naming the file and the first problems when it is not a valid set.
 */
export async function loadDialogueSet(path: string): Promise<DialogueSet> {
  const parsed = setSchema.safeParse(JSON.parse(await readFile(path, "utf8")));
  if (!parsed.success) {
    throw new Error(`${path}: ${parsed.error.issues.slice(0, 3).map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`);
  }
  for (const dialogue of parsed.data.dialogues) {
    for (const [index, turn] of dialogue.turns.entries()) {
      if (turn.replyTo !== undefined && turn.replyTo >= index) throw new Error(`${path}: ${dialogue.id} turn ${index} replies to a later turn`);
      if (turn.kind !== "small_talk" && turn.kind !== "not_in_report" && !turn.figure) throw new Error(`${path}: ${dialogue.id} turn ${index} has no figure`);
    }
  }
  return parsed.data;
}
