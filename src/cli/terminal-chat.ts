import { createInterface } from "node:readline";
import { describeRejectedQuestion, prepareQuestion } from "../app/question-input.js";
import type { KnowledgeServices } from "../app/services.js";
import { formatAnswerForTerminal } from "./format-answer.js";
import { lineConversation, RESET_LINE } from "./line-conversation.js";

/**
 * Runs the terminal chat until input ends. On a TTY it prompts; otherwise (a pipe or file) it
 * answers each non-empty line of input in order. Lines form one conversation (follow-ups are read
 * against the lines before; `/new` starts over). Resolves with the number of questions answered.
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
  const ask = lineConversation(services, { remember: true });
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
      const outcome = await ask(input.question);
      if (outcome.kind === "reset") write(RESET_LINE);
      else {
        write(formatAnswerForTerminal(outcome.answer));
        answered++;
      }
    }
    write("");
    if (interactive) lines.prompt();
  }
  return answered;
}
