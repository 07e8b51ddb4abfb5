import type { ChatCompletionMessageParam } from "openai/resources/chat/completions";
import { detectLanguage } from "../language.js";
import { renderPrompt } from "../prompt-template.js";
import type { AnswerRequest } from "../types.js";
import { formatPassages, formatPassagesWithSentenceIds } from "./format-passages.js";
import { draftToReplyJson } from "./parse-reply.js";
import { sentenceIdsOf } from "./sentence-ids.js";
import { describeConstraints } from "./describe-constraints.js";
import { readQuestionConstraints } from "../../question/constraints/read-constraints.js";

/** Loads a template by name ("answer.zh", "repair.en", …); the answerer caches the files. */
export type TemplateLoader = (name: string) => Promise<string>;

/** How the model cites: by copying quotes (the default) or by the ids of numbered sentences. */
export type CitationMode = "quotes" | "sentence-ids";

const UNPARSEABLE = {
  zh: "（上一次的回答无法解析为规定格式的 JSON）",
  en: "(the previous reply could not be parsed as JSON of the required shape)",
};

/**
 * Returns the chat messages for one answer attempt: the system prompt (rules, what the question
 * asks, and the passages with their context as delimited data) in the question's language, then either the question or, for a repair
 * round, the repair prompt with the previous reply and the verifier's errors.
 * @throws Error when a template cannot be loaded or its placeholders do not match.
 */
export async function buildMessages(request: AnswerRequest, loadTemplate: TemplateLoader, mode: CitationMode = "quotes"): Promise<ChatCompletionMessageParam[]> {
  const language = detectLanguage(request.question);
  const ids = mode === "sentence-ids";
  const passages = ids ? formatPassagesWithSentenceIds(request.passages) : formatPassages(request.passages);
  const period = request.passages.find((passage) => passage.reportingPeriod)?.reportingPeriod;
  const constraints = describeConstraints(readQuestionConstraints(request.question, { reportingPeriod: period }), language);
  const system = renderPrompt(await loadTemplate(`${ids ? "answer-ids" : "answer"}.${language}`), { passages, constraints });
  const isRepair = (request.repairErrors?.length ?? 0) > 0 || request.previousDraft !== undefined;
  if (!isRepair) {
    return [
      { role: "system", content: system },
      { role: "user", content: request.question },
    ];
  }
  const previous = request.previousDraft;
  const errors = (request.repairErrors ?? []).map((error) => `- ${error}`);
  // The verifier numbers citations [1], [2]…; a model that cited ids needs to know which is which.
  const mapping = ids && previous ? [...sentenceIdsOf(previous, request.passages)].map(([n, id]) => `[${n}] = [${id}]`) : [];
  if (mapping.length > 0) errors.unshift(`(in these problems ${mapping.join(", ")})`);
  const repair = renderPrompt(await loadTemplate(`${ids ? "repair-ids" : "repair"}.${language}`), {
    question: request.question,
    previous: previous ? (previous.reply ?? draftToReplyJson(previous)) : UNPARSEABLE[language],
    errors: errors.join("\n") || "-",
  });
  return [
    { role: "system", content: system },
    { role: "user", content: repair },
  ];
}
