import type { Answer } from "../answer/types.js";
import type { KnowledgeServices } from "../app/services.js";

/** What one line of input did: an answer, or starting the conversation over. */
export type LineOutcome = { kind: "answer"; answer: Answer } | { kind: "reset" };

const RESET = /^\/(?:new|reset)\s*$/iu;

/**
 * Returns an `ask` for lines of one terminal conversation (the terminal chat, `ask
 * --conversation`): each line may follow up the lines before it, `/new` or `/reset` starts over.
 * With `remember` false (plain `ask`), or services without conversations, each line stands alone.
 */
export function lineConversation(services: KnowledgeServices, options: { remember: boolean; key?: string }): (line: string) => Promise<LineOutcome> {
  const key = options.key ?? "terminal";
  let turn = 0;
  return async (line) => {
    const memory = options.remember ? services.conversation : undefined;
    if (memory && RESET.test(line)) {
      await memory.reset(key);
      return { kind: "reset" };
    }
    const answer = memory ? await memory.ask({ key, message: line, turnId: String(++turn) }) : await services.ask(line);
    return { kind: "answer", answer };
  };
}

/** The line printed after /new in a terminal. */
export const RESET_LINE = "（已重新开始 / Starting over）";
