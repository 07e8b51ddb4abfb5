/**
 * Citing by sentence id (LLM_CITATIONS=sentence-ids): the prompt numbers each passage's
 * sentences, the model cites ids, the bot inserts the exact sentences, and the verifier checks
 * the answer's figures against them. Driven through the services `ask --json` uses, against the
 * realistic model.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatPassagesWithSentenceIds } from "../../src/answer/llm/format-passages.js";
import { parseSentenceIdReply } from "../../src/answer/llm/sentence-ids.js";
import { ModelError } from "../../src/errors.js";
import { REPORT_FACTS } from "../helpers/realistic-facts.js";
import { useShippedReportServices } from "../helpers/shipped-report-services.js";
import { appliesTo, HABITS, questionFor, startRealisticModel, WRONG_SHAPES, wrongAnswerText, type RealisticModel } from "../helpers/realistic-model.js";
import { GROWTH, INNOVATION, reportPassages } from "./report-passages.js";

describe("sentence ids in the prompt and the reply", () => {
  const passages = reportPassages();

  it("numbers each passage's sentences as [passage.sentence]", () => {
    const formatted = formatPassagesWithSentenceIds(passages);
    expect(formatted).toContain(`<passage n="1" document="sichuan-industry-report" paragraph="1" period="2024年上半年">\n[1.1] ${GROWTH}\n</passage>`);
    expect(formatted).toContain(`[2.1] ${INNOVATION}`);
  });

  it("turns cited ids into citations of the exact sentences, numbered in order of use", () => {
    const draft = parseSentenceIdReply('{"answer": "增长6.2%【1.1】，技术中心1387家[2.1][1.1]。", "not_found": false}', "m", passages);
    expect(draft.text).toBe("增长6.2%[1]，技术中心1387家[2][1]。");
    expect(draft.citations).toEqual([
      { n: 1, passage: 1, quote: GROWTH },
      { n: 2, passage: 2, quote: INNOVATION },
    ]);
  });

  it("rejects an id that names no sentence, saying which ids exist", () => {
    expect(() => parseSentenceIdReply('{"answer": "增长6.2%[1.4]"}', "m", passages)).toThrow(ModelError);
    expect(() => parseSentenceIdReply('{"answer": "增长6.2%[1.4]"}', "m", passages)).toThrow(/1\.4 \(passage 1 has sentences 1\.1 to 1\.1\)/);
  });
});

describe("a realistic model citing by sentence id, through the services ask --json uses", () => {
  let model: RealisticModel;
  beforeAll(async () => {
    model = await startRealisticModel();
  });
  afterAll(async () => {
    await model?.close();
  });

  const { ask } = useShippedReportServices("sentence-ids-", {
    env: () => ({
      ANSWERER: "llm",
      OPENAI_BASE_URL: model.baseUrl,
      OPENAI_API_KEY: "test-key",
      OPENAI_MODEL: "realistic-model",
      LLM_MAX_RETRIES: "0",
      LLM_CITATIONS: "sentence-ids",
    }),
  });

  it("delivers correct answers as verified LLM answers quoting the exact sentences, on the first draft in ≥ 90% of cases", async () => {
    let passed = 0;
    let total = 0;
    for (const habit of HABITS) {
      for (const fact of REPORT_FACTS.filter((candidate) => appliesTo(candidate, habit))) {
        model.behaviour = habit;
        model.rounds = [];
        const answer = await ask(questionFor(fact, habit));
        total++;
        if (answer.mode === "llm" && answer.repairs === 0 && answer.citations.length > 0 && answer.citations.every((citation) => citation.verified)) passed++;
      }
    }
    expect(passed / total).toBeGreaterThanOrEqual(0.9);
  });

  it("repairs a citation of the neighbouring sentence (the figure is not in it)", async () => {
    model.behaviour = "off-by-one";
    model.rounds = [];
    const answer = await ask(REPORT_FACTS[0]!.question);
    expect(model.rounds).toEqual(["draft", "repair"]);
    expect(answer).toMatchObject({ mode: "llm", repairs: 1 });
    const repairPrompt = model.server.requests.at(-1)!.body.messages[1].content as string;
    expect(repairPrompt).toMatch(/in these problems \[1\] = \[\d+\.\d+\]/);
  });

  it.each(WRONG_SHAPES)("never delivers a %s answer as verified", async (shape) => {
    for (const fact of REPORT_FACTS.filter((candidate) => appliesTo(candidate, shape))) {
      model.behaviour = shape;
      model.onRepair = "repeat";
      const answer = await ask(questionFor(fact, shape));
      model.onRepair = "correct";
      const wrong = wrongAnswerText(fact, shape).replace(/[，,]/gu, "");
      if (answer.mode === "llm") expect(answer.text.replace(/\[\d+\]|[，,。.]/gu, ""), fact.id).not.toContain(wrong);
    }
  });
});
