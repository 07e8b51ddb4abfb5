import type { ChatCompletionMessageParam } from "openai/resources/chat/completions";
import { detectLanguage } from "../language.js";
import { renderPrompt } from "../prompt-template.js";
import type { AnswerRequest } from "../types.js";
import { formatPassages } from "./format-passages.js";
import { draftToReplyJson } from "./parse-reply.js";

/** Loads a template by name ("answer.zh", "repair.en", …); the answerer caches the files. */
export type TemplateLoader = (name: string) => Promise<string>;

const UNPARSEABLE = {
  zh: "（上一次的回答无法解析为规定格式的 JSON）",
  en: "(the previous reply could not be parsed as JSON of the required shape)",
};

/**
 * Returns the chat messages for one answer attempt: the system prompt (rules plus the passages
 * as delimited data) in the question's language, then either the question or, for a repair
 * round, the repair prompt with the previous reply and the verifier's errors.
 * @throws Error when a template cannot be loaded or its placeholders do not match.
 */
export async function buildMessages(request: AnswerRequest, loadTemplate: TemplateLoader): Promise<ChatCompletionMessageParam[]> {
  const language = detectLanguage(request.question);
  const system = renderPrompt(await loadTemplate(`answer.${language}`), { passages: formatPassages(request.passages) });
  const isRepair = (request.repairErrors?.length ?? 0) > 0 || request.previousDraft !== undefined;
  if (!isRepair) {
    return [
      { role: "system", content: system },
      { role: "user", content: request.question },
    ];
  }
  const repair = renderPrompt(await loadTemplate(`repair.${language}`), {
    question: request.question,
    previous: request.previousDraft ? draftToReplyJson(request.previousDraft) : UNPARSEABLE[language],
    errors: (request.repairErrors ?? []).map((error) => `- ${error}`).join("\n") || "-",
  });
  return [
    { role: "system", content: system },
    { role: "user", content: repair },
  ];
}
