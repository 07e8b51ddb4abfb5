import { describe, expect, it } from "vitest";
import { answerQuestion } from "../../src/answer/answer-question.js";
import type { AnswerDraft, Answerer } from "../../src/answer/types.js";
import { ModelError } from "../../src/errors.js";
import { silentLogger } from "../../src/logger.js";
import { firstSentenceAnswerer, GROWTH, reportPassages } from "./report-passages.js";

const QUESTION = "2024年上半年四川规模以上工业增加值同比增长多少？";

/** An answerer that returns scripted drafts (or throws scripted errors), in order. */
function scripted(mode: "llm" | "extractive", steps: Array<AnswerDraft | Error>): Answerer & { requests: unknown[] } {
  const requests: unknown[] = [];
  return {
    mode,
    requests,
    async draft(request) {
      requests.push(request);
      const step = steps.shift();
      if (!step) throw new Error("no more scripted drafts");
      if (step instanceof Error) throw step;
      return step;
    },
  };
}

const goodDraft: AnswerDraft = { text: "同比增长6.2%[1]。", citations: [{ n: 1, passage: 1, quote: GROWTH }], notFound: false, model: "m" };
const badDraft: AnswerDraft = { text: "同比增长6.3%[1]。", citations: [{ n: 1, passage: 1, quote: "同比增长6.3%、六大优势产业" }], notFound: false, model: "m" };

function ask(overrides: Partial<Parameters<typeof answerQuestion>[0]> = {}) {
  let clock = 0;
  return answerQuestion({
    question: QUESTION,
    retrieve: async () => reportPassages(),
    decideAnswerable: () => true,
    answerer: scripted("llm", [goodDraft]),
    fallback: firstSentenceAnswerer(),
    logger: silentLogger(),
    now: () => (clock += 5),
    ...overrides,
  });
}

describe("answerQuestion", () => {
  it("fills question, retrieved passages, timings and model on an answer", async () => {
    const answer = await ask();
    expect(answer).toMatchObject({ status: "answered", mode: "llm", question: QUESTION, model: "m", timings: { retrieveMs: 5, answerMs: 5 } });
    expect(answer.retrieved).toEqual(reportPassages().map((passage) => ({ chunkId: passage.chunk.id, score: passage.score })));
  });

  it("answers not_found with the fixed text and the 3 closest passages when the question is not answerable", async () => {
    const answerer = scripted("llm", [goodDraft]);
    const answer = await ask({ decideAnswerable: () => false, answerer });
    expect(answer).toMatchObject({ status: "not_found", text: "报告中没有找到这个问题的答案。以下是最接近的段落：", citations: [] });
    expect(answer.closest!.map((passage) => passage.chunkId)).toEqual(reportPassages().slice(0, 3).map((passage) => passage.chunk.id));
    expect(answerer.requests).toHaveLength(0);
  });

  it("writes the not_found text in English for an English question", async () => {
    const answer = await ask({ question: "What is the GDP of Mars?", decideAnswerable: () => false });
    expect(answer.text).toBe("The reports do not answer this question. These are the closest passages:");
  });

  it("answers not_found when nothing is retrieved", async () => {
    const answer = await ask({ retrieve: async () => [] });
    expect(answer.status).toBe("not_found");
    expect(answer.closest).toEqual([]);
  });

  it("fails with a user-facing error, and does not throw, when retrieval throws", async () => {
    const answer = await ask({ retrieve: async () => Promise.reject(new Error("index is corrupt")) });
    expect(answer).toMatchObject({ status: "failed", error: "抱歉，回答这个问题时出错了，请稍后再试。", citations: [] });
  });

  it("fails with a user-facing error when the fallback throws too", async () => {
    const answer = await ask({
      answerer: scripted("llm", [new ModelError("down", "network", "m")]),
      fallback: scripted("extractive", [new Error("extractive broke")]),
    });
    expect(answer).toMatchObject({ status: "failed", error: expect.any(String) });
  });

  it("gives an LLM one repair round with the errors and the previous draft", async () => {
    const answerer = scripted("llm", [badDraft, goodDraft]);
    const answer = await ask({ answerer });
    expect(answer).toMatchObject({ status: "answered", mode: "llm" });
    expect(answerer.requests[1]).toMatchObject({ previousDraft: badDraft, repairErrors: expect.arrayContaining([expect.stringMatching(/6\.3%/)]) });
  });

  it("uses the fallback straight away when the model errors, with the reason", async () => {
    const answerer = scripted("llm", [new ModelError("rate limited", "rate_limited", "m", { status: 429 })]);
    const answer = await ask({ answerer });
    expect(answer).toMatchObject({ mode: "extractive", fallbackReason: "model_error:rate_limited", model: "m" });
    expect(answerer.requests).toHaveLength(1);
  });

  it("never marks an unproven fallback quote as verified", async () => {
    const brokenFallback = scripted("extractive", [{ text: "同比增长6.2%[1]。", citations: [{ n: 1, passage: 1, quote: "这句话不在报告里，增长6.2%" }], notFound: false }]);
    const answer = await ask({ answerer: scripted("llm", [badDraft, badDraft]), fallback: brokenFallback });
    expect(answer).toMatchObject({ status: "answered", mode: "extractive" });
    expect(answer.citations.map((citation) => citation.verified)).toEqual([false]);
    expect(answer.verificationErrors).toContainEqual(expect.stringMatching(/^extractive: /));
  });

  it("verifies an extractive primary answerer without a repair round", async () => {
    const answerer = scripted("extractive", [{ ...goodDraft, model: undefined }]);
    const answer = await ask({ answerer });
    expect(answer).toMatchObject({ status: "answered", mode: "extractive", citations: [expect.objectContaining({ verified: true })] });
    expect(answer.fallbackReason).toBeUndefined();
  });

  it("reports a cancelled question as failed with a cancelled message", async () => {
    const controller = new AbortController();
    const answerer: Answerer = {
      mode: "llm",
      async draft() {
        controller.abort();
        throw new ModelError("aborted", "network", "m");
      },
    };
    const answer = await ask({ answerer, signal: controller.signal });
    expect(answer).toMatchObject({ status: "failed", error: "回答已取消。" });
  });
});
