import { createInterface } from "node:readline";
import { describeRejectedQuestion, prepareQuestion } from "../app/question-input.js";
import type { KnowledgeServices } from "../app/services.js";
import { formatAnswerForTerminal } from "./format-answer.js";
import { lineConversation, RESET_LINE } from "./line-conversation.js";

/** Typed alone on a line, ends the chat (as Ctrl-D and Ctrl-C do). */
export const QUIT_COMMANDS: ReadonlySet<string> = new Set(["/quit", "/exit"]);

/** Shown once before the first prompt, in both languages like the prompt itself. */
export const CHAT_GREETING = "输入问题后按回车；退出：/quit、Ctrl-D 或 Ctrl-C。\nType a question and press Enter; to quit: /quit, Ctrl-D or Ctrl-C.";

/**
 * Runs the terminal chat until input ends or `/quit`. On a TTY it says how to quit and prompts;
 * otherwise (a pipe or file) it answers each non-empty line of input in order. Lines form one
 * conversation (follow-ups are read against the lines before; `/new` starts over). Resolves with
 * the number of questions answered.
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
    // Without a listener readline only pauses on Ctrl-C, and the chat would hang instead of ending.
    lines.on("SIGINT", () => lines.close());
    write(CHAT_GREETING);
    lines.setPrompt("问 / Ask > ");
    lines.prompt();
  }
  for await (const line of lines) {
    if (QUIT_COMMANDS.has(line.trim().toLowerCase())) break;
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
