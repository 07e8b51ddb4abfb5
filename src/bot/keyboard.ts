import { InlineKeyboard } from "grammy";
import type { Answer } from "../answer/types.js";
import type { InlineKeyboardMarkup } from "grammy/types";
import { texts, type Lang } from "./i18n.js";
import { uniqueCitations } from "./render/render-answer.js";

const SOURCE_BUTTONS_PER_ROW = 5;

/** Callback data of a "原文 n" button: `src:<answerId>:<n>` (well under Telegram's 64 bytes). */
export const sourceCallbackData = (answerId: string, n: number) => `src:${answerId}:${n}`;
/** Callback data of a 👍/👎 button: `fb:<answerId>:up|down`. */
export const feedbackCallbackData = (answerId: string, rating: "up" | "down") => `fb:${answerId}:${rating}`;
export const SOURCE_CALLBACK = /^src:([A-Za-z0-9_-]+):(\d+)$/;
export const FEEDBACK_CALLBACK = /^fb:([A-Za-z0-9_-]+):(up|down)$/;

/** Returns the buttons under an answer: one "原文 n" ("Source n") per cited marker, then 👍 / 👎; none for failures. */
export function answerKeyboard(answerId: string, answer: Answer, lang: Lang = "zh"): InlineKeyboard | undefined {
  if (answer.status === "failed") return undefined;
  const keyboard = new InlineKeyboard();
  const citations = answer.status === "answered" ? uniqueCitations(answer.citations) : [];
  citations.forEach((citation, index) => {
    if (index > 0 && index % SOURCE_BUTTONS_PER_ROW === 0) keyboard.row();
    keyboard.text(texts.sourceButton(lang, citation.n), sourceCallbackData(answerId, citation.n));
  });
  if (citations.length > 0) keyboard.row();
  keyboard.text("👍", feedbackCallbackData(answerId, "up")).text("👎", feedbackCallbackData(answerId, "down"));
  return keyboard;
}

/**
 * Returns `markup` with its 👍/👎 buttons showing how many users chose each (one vote per user,
 * the latest counts), so the recorded vote is visible on the message; other buttons unchanged.
 */
export function withFeedbackCounts(markup: InlineKeyboardMarkup, counts: { up: number; down: number }): InlineKeyboardMarkup {
  return {
    inline_keyboard: markup.inline_keyboard.map((row) =>
      row.map((button) => {
        const rating = "callback_data" in button ? FEEDBACK_CALLBACK.exec(button.callback_data ?? "")?.[2] : undefined;
        return rating === "up" || rating === "down" ? { ...button, text: texts.feedbackButton(rating, counts[rating]) } : button;
      }),
    ),
  };
}
