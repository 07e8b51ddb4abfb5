import type { Answer } from "../../answer/types.js";
import type { ConversationRequest } from "../../app/conversation-services.js";
import type { DialogueSet, DialogueTurn } from "./dialogue-set.js";

/** What a dialogue run needs to see of a reply. */
export type DialogueReply = Pick<Answer, "status" | "text" | "question" | "typedQuestion">;

/**
 * What the dialogues are sent through: the conversation services themselves, or the real bot
 * behind the Telegram emulator (scripts/eval-dialogues-bot.ts), which reads the reply back.
 */
export interface DialogueDriver {
  ask(request: Pick<ConversationRequest, "key" | "message" | "turnId" | "afterTurn">): Promise<DialogueReply>;
  reset(key: string): Promise<void>;
}

/** What happened to one turn of a dialogue. */
export interface TurnResult {
  dialogue: string;
  index: number;
  turn: DialogueTurn;
  question: string;
  status: Answer["status"];
  /** The right figure is in the answer (a decline counts for not_in_report; small talk: left as typed). */
  right: boolean;
  /** The right figure is in the answer's first sentence. */
  firstSentence: boolean;
  text: string;
  ms: number;
}

/** The figures of a dialogue run. */
export interface DialogueReport {
  corpus: string;
  dialogues: number;
  turns: TurnResult[];
  rates: {
    openings: Rate;
    followUps: Rate;
    followUpsFirstSentence: Rate;
    declined: Rate;
    replies: Rate;
    smallTalk: Rate;
  };
}

/** A share with its counts. */
export interface Rate {
  right: number;
  total: number;
}

const compact = (text: string) => text.replace(/\[\d+\]/gu, "").replace(/[\s,，]/gu, "");

/** Returns the answer's first sentence, markers and a leading "According to the report:" left out. */
function firstSentenceOf(text: string): string {
  const body = text.replace(/^According to the report:\s*/u, "");
  return body.split(/(?<=[。！？!?])|(?<=\.)\s/u)[0] ?? "";
}

/**
 * Sends every dialogue through `conversation` (a fresh conversation each; replies continue the
 * turn they reply to) and scores each turn: an opening, follow-up or reply is right when the
 * answer states the expected figure (and, for the first-sentence figure, in its first sentence);
 * a follow-up the report does not answer is right when declined, or answered without the figure a
 * wrong reading would state; small talk is right when it was not rewritten.
 */
export async function runDialogues(options: {
  set: DialogueSet;
  conversation: DialogueDriver;
  onTurn?: (result: TurnResult) => void;
}): Promise<DialogueReport> {
  const turns: TurnResult[] = [];
  for (const dialogue of options.set.dialogues) {
    const key = `eval:${options.set.corpus}:${dialogue.id}`;
    await options.conversation.reset(key);
    for (const [index, turn] of dialogue.turns.entries()) {
      const started = performance.now();
      const answer = await options.conversation.ask({
        key,
        message: turn.message,
        turnId: String(index),
        ...(turn.replyTo !== undefined ? { afterTurn: String(turn.replyTo) } : {}),
      });
      const result = scoreTurn(dialogue.id, index, turn, answer, performance.now() - started);
      turns.push(result);
      options.onTurn?.(result);
    }
  }
  const rate = (filter: (result: TurnResult) => boolean, pick: (result: TurnResult) => boolean = (result) => result.right): Rate => {
    const chosen = turns.filter(filter);
    return { right: chosen.filter(pick).length, total: chosen.length };
  };
  const isFollowUp = (result: TurnResult) => result.index > 0 && !["opening", "small_talk", "topic_change", "not_in_report"].includes(result.turn.kind);
  return {
    corpus: options.set.corpus,
    dialogues: options.set.dialogues.length,
    turns,
    rates: {
      openings: rate((result) => result.turn.kind === "opening" || result.turn.kind === "topic_change"),
      followUps: rate(isFollowUp),
      followUpsFirstSentence: rate(isFollowUp, (result) => result.firstSentence),
      declined: rate((result) => result.turn.kind === "not_in_report"),
      replies: rate((result) => result.turn.replyTo !== undefined),
      smallTalk: rate((result) => result.turn.kind === "small_talk"),
    },
  };
}

function scoreTurn(dialogue: string, index: number, turn: DialogueTurn, answer: DialogueReply, ms: number): TurnResult {
  const text = compact(answer.text);
  const base = { dialogue, index, turn, question: answer.question, status: answer.status, text: answer.text, ms };
  if (turn.kind === "small_talk") {
    const right = answer.typedQuestion === undefined;
    return { ...base, right, firstSentence: right };
  }
  if (turn.kind === "not_in_report") {
    const declined = answer.status === "not_found" || (turn.notFigure !== undefined && answer.status === "answered" && !text.includes(compact(turn.notFigure)));
    return { ...base, right: declined, firstSentence: declined };
  }
  const figure = compact(turn.figure ?? "");
  const right = answer.status === "answered" && text.includes(figure);
  return { ...base, right, firstSentence: right && compact(firstSentenceOf(answer.text)).includes(figure) };
}
