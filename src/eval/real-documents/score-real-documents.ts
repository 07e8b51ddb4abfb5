import type { Answer } from "../../answer/types.js";

/** One development question on real documents: the figure the answer must state, or "decline". */
export interface RealDocumentQuestion {
  question: string;
  expect: string;
}

/** What the real-document run measures (the held-out measure's shape: accuracy, precision when answered, declines). */
export interface RealDocumentScore {
  answerable: number;
  right: number;
  answeredWrong: number;
  unanswerable: number;
  declined: number;
  rows: Array<{ question: string; expect: string; status: Answer["status"]; verdict: "right" | "wrong" | "declined" | "missed"; lead: string }>;
}

/**
 * Returns how `answers` fare against `questions` (same order): an answerable question is right
 * when the answer is `answered` and its first sentence states the expected figure; an
 * unanswerable one is right when it is not answered. Never throws.
 */
export function scoreRealDocuments(questions: readonly RealDocumentQuestion[], answers: readonly Answer[]): RealDocumentScore {
  const score: RealDocumentScore = { answerable: 0, right: 0, answeredWrong: 0, unanswerable: 0, declined: 0, rows: [] };
  questions.forEach((question, index) => {
    const answer = answers[index]!;
    const lead = answer.text.split(/(?<=[。！？!?])|\n/u)[0] ?? "";
    const decline = question.expect === "decline";
    const answered = answer.status === "answered";
    let verdict: RealDocumentScore["rows"][number]["verdict"];
    if (decline) {
      score.unanswerable++;
      verdict = answered ? "wrong" : "declined";
      if (!answered) score.declined++;
      else score.answeredWrong++;
    } else {
      score.answerable++;
      verdict = !answered ? "missed" : lead.includes(question.expect) ? "right" : "wrong";
      if (verdict === "right") score.right++;
      if (verdict === "wrong") score.answeredWrong++;
    }
    score.rows.push({ question: question.question, expect: question.expect, status: answer.status, verdict, lead: lead.slice(0, 80) });
  });
  return score;
}
