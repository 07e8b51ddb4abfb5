import { createInterface } from "node:readline";
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
    const question = line.trim();
    if (question === "") {
      if (interactive) lines.prompt();
      continue;
    }
    if (question.length > options.maxQuestionChars) {
      write(`问题太长（${question.length} 字），最多 ${options.maxQuestionChars} 字。/ Question too long (max ${options.maxQuestionChars} characters).`);
    } else {
      const answer = await services.ask(question);
      write(formatAnswerForTerminal(answer));
      answered++;
    }
    write("");
    if (interactive) lines.prompt();
  }
  return answered;
}
