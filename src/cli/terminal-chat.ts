import { createInterface } from "node:readline";
import { describeRejectedQuestion, prepareQuestion } from "../app/question-input.js";
import type { KnowledgeServices } from "../app/services.js";
import { formatAnswerForTerminal } from "./format-answer.js";

/**
 * Runs the terminal chat until input ends. On a TTY it prompts; otherwise (a pipe or file) it
 * answers each non-empty line of input in order. Resolves with the number of questions answered.
 */
export async function runTerminalChat(options: {
  services: KnowledgeServices;
  input: NodeJS.ReadableStream & { isTTY?: boolean };
  output: NodeJS.WritableStream;
  maxQuestionChars: number;
}): Promise<number> {
  const { services, input, output } = options;
  const interactive = Boolean(input.isTTY);
  const lines = createInterface({ input, output: interactive ? output : undefined, terminal: interactive });
  const write = (text: string) => output.write(`${text}\n`);
  let answered = 0;
  if (interactive) {
    lines.setPrompt("问 / Ask > ");
    lines.prompt();
  }
  for await (const line of lines) {
    const input = prepareQuestion(line, options.maxQuestionChars);
    if (!input.ok && input.reason === "empty") {
      if (interactive) lines.prompt();
      continue;
    }
    if (!input.ok) {
      write(describeRejectedQuestion(input));
    } else {
      const answer = await services.ask(input.question);
      write(formatAnswerForTerminal(answer));
      answered++;
    }
    write("");
    if (interactive) lines.prompt();
  }
  return answered;
}
