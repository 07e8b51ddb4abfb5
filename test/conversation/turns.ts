/** Builds remembered turns for rewriter tests: a standalone question as a previous, answered turn. */
import { readQuestionParts, slotsOfParts } from "../../src/conversation/question-parts.js";
import type { Turn } from "../../src/conversation/types.js";

/** Returns the turns of a conversation whose questions were `questions`, oldest first. */
export function turnsOf(...questions: string[]): Turn[] {
  return questions.map((question, index) => ({
    id: String(index + 1),
    typed: question,
    question,
    slots: slotsOfParts(readQuestionParts(question)),
    figures: [],
    status: "answered" as const,
    at: index,
  }));
}
