import type { AnswerRecord, RecordAnswerInput } from "./types.js";

/**
 * Returns the audit record of an answer: what staff need to re-check it (question, status,
 * retrieved chunks, every citation with its verdict, latency), and nothing of the passages'
 * text beyond the quotes. One shape for the JSONL log and PostgreSQL, so `npm run audit` reads
 * both the same way.
 */
export function answerRecordOf(id: string, input: RecordAnswerInput, replica?: string): AnswerRecord {
  const { answer } = input;
  return {
    type: "answer",
    id,
    time: new Date().toISOString(),
    chatId: input.chatId,
    userId: input.userId,
    question: answer.question,
    ...(answer.typedQuestion ? { typed: answer.typedQuestion } : {}),
    text: input.deliveredText ?? answer.text,
    status: answer.status,
    mode: answer.mode,
    model: answer.model,
    retrieved: answer.retrieved.map(({ chunkId, score }) => ({ chunkId, score })),
    citations: answer.citations.map(({ n, documentTitle, paragraph, page, machineRead, chunkId, quote, verified, start, end }) => ({
      n, documentTitle, paragraph, chunkId, quote, verified, start, end,
      ...(page === undefined ? {} : { page }),
      ...(machineRead ? { machineRead } : {}),
    })),
    verificationErrors: answer.verificationErrors ?? [],
    latency: { retrieveMs: answer.timings.retrieveMs, answerMs: answer.timings.answerMs, totalMs: input.totalMs },
    ...(answer.fallbackReason ? { fallbackReason: answer.fallbackReason } : {}),
    ...(answer.error ? { error: answer.error } : {}),
    ...(answer.generationId ? { generationId: answer.generationId } : {}),
    ...(answer.smallTalk ? { smallTalk: answer.smallTalk.intent } : {}),
    ...(answer.corrections?.length ? { corrections: answer.corrections } : {}),
    ...(replica ? { replica } : {}),
    ...(input.collections ? { collections: input.collections } : {}),
  };
}
