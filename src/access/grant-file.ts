import { z } from "zod";
import { ConfigError } from "../errors.js";
import { MAIN_COLLECTION } from "./collection.js";

const collectionName = z
  .string()
  .trim()
  .min(1, "a collection name cannot be empty")
  .refine((name) => !/[/\\]/.test(name), { message: "a collection is a first-level folder name, without slashes" });

const collectionList = z.array(collectionName);

/**
 * The grant file KNOWLEDGE_ACCESS names: which collections each chat and each user may see.
 * `{"default": ["main"], "chats": {"-1001234567890": ["main", "finance"]}, "users": {"42": ["finance"]}}`
 */
export const grantFileSchema = z
  .object({
    /** Seen by every private chat (with the user's own grant added) and by groups without a grant. Default ["main"]. */
    default: collectionList.default([MAIN_COLLECTION]),
    /** Group (or channel) chat id → its collections; replaces the default in that chat. */
    chats: z.record(z.string(), collectionList).default({}),
    /** User id → collections added to the default in that user's private chat only. */
    users: z.record(z.string(), collectionList).default({}),
  })
  .strict()
  .superRefine((grants, context) => {
    // Keys checked here rather than by a key schema, so the message says what an id looks like.
    const check = (field: "chats" | "users", pattern: RegExp, example: string) => {
      for (const key of Object.keys(grants[field])) {
        if (!pattern.test(key)) context.addIssue({ code: "custom", path: [field, key], message: `"${key}" is not a ${example}` });
      }
    };
    check("chats", /^-?\d+$/, "chat id (a whole number, e.g. -1001234567890)");
    check("users", /^\d+$/, "user id (a positive whole number, e.g. 42)");
  });

/** A parsed grant file. */
export type Grants = z.infer<typeof grantFileSchema>;

/**
 * Parses the text of the grant file at `filePath`.
 * @throws ConfigError with one line naming KNOWLEDGE_ACCESS, the file and the problem (invalid
 * JSON with the parser's message, or the first fields that break the schema).
 */
export function parseGrantFile(text: string, filePath: string): Grants {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ConfigError([`KNOWLEDGE_ACCESS: ${filePath} is not valid JSON (${(error as Error).message})`]);
  }
  const parsed = grantFileSchema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.length > 0 ? issue.path.join(".") : "(top level)"}: ${issue.message}`);
    throw new ConfigError([`KNOWLEDGE_ACCESS: ${filePath} is not a valid grant file (${problems.join("; ")})`]);
  }
  return parsed.data;
}
