import { describe, expect, it } from "vitest";
import type { Answer } from "../../src/answer/types.js";
import { formatAnswerForTerminal } from "../../src/cli/format-answer.js";

const answer = (overrides: Partial<Answer>): Answer => ({
  status: "answered",
  mode: "extractive",
  text: "全省规模以上工业增加值同比增长6.2%[1]。",
  citations: [],
  timings: { retrieveMs: 23, answerMs: 4300 },
  question: "2024年上半年工业增加值增长多少？",
  retrieved: [],
  ...overrides,
});

describe("the terminal answer's footer", () => {
  it("names the mode and the time when the answerer was the one configured", () => {
    expect(formatAnswerForTerminal(answer({})).split("\n").at(-1)).toBe("(extractive, 4323 ms)");
  });

  it("says the configured model was unavailable when the extractive answer stood in", () => {
    const footer = formatAnswerForTerminal(answer({ fallbackReason: "model_error:unreachable", model: "qwen-plus" })).split("\n").at(-1);
    expect(footer).toBe("(extractive · 模型 qwen-plus 不可用 (unreachable)，改用摘录回答, 4323 ms)");
  });

  it("says it in English for an English question", () => {
    const footer = formatAnswerForTerminal(answer({ question: "How much did industry grow?", fallbackReason: "model_error:rate_limited", model: "gpt-4o-mini" })).split("\n").at(-1);
    expect(footer).toBe("(extractive · model gpt-4o-mini unavailable (rate_limited), extractive answer instead, 4323 ms)");
  });

  it("says the model's answer failed verification when that is why", () => {
    const footer = formatAnswerForTerminal(answer({ question: "How much did industry grow?", fallbackReason: "verification_failed", model: "gpt-4o-mini" })).split("\n").at(-1);
    expect(footer).toBe("(extractive · model gpt-4o-mini's answer failed verification, extractive answer instead, 4323 ms)");
  });
});
