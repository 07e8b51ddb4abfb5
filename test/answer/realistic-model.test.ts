/**
 * The verifier's promise, measured against a realistic model (test/helpers/realistic-model.ts)
 * through the same services `ask --json` uses: the shipped report indexed for real, the real
 * openai SDK, a local OpenAI-compatible server, streamed and not.
 *
 * - Correct answers written in ordinary model habits are delivered as verified LLM answers on
 *   the first draft, with no repair round.
 * - The five wrong answers are never delivered with a ✅: the model repairs them, or the
 *   extractive answer stands in.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../../src/answer/types.js";
import { normalizeForMatch } from "../../src/text/normalize.js";
import { appliesTo, HABITS, questionFor, startRealisticModel, WRONG_SHAPES, wrongAnswerText, type Behaviour, type RealisticModel } from "../helpers/realistic-model.js";
import { REPORT_FACTS, type ReportFact } from "../helpers/realistic-facts.js";
import { useShippedReportServices } from "../helpers/shipped-report-services.js";

let model: RealisticModel;
beforeAll(async () => {
  model = await startRealisticModel();
});
afterAll(async () => {
  await model?.close();
});

const services = useShippedReportServices("realistic-model-", {
  env: (root) => ({
    MODEL_DIR: join(root, "models"),
    ANSWERER: "llm",
    OPENAI_BASE_URL: model.baseUrl,
    OPENAI_API_KEY: "test-key",
    OPENAI_MODEL: "realistic-model",
    LLM_MAX_RETRIES: "0",
  }),
});

interface Outcome {
  fact: ReportFact;
  answer: Answer;
  rounds: Array<"draft" | "repair">;
  partials: string[];
}

/** Asks the fact's question with the model set to `behaviour`; streamed answers record the partial texts. */
async function ask(fact: ReportFact, behaviour: Behaviour, options: { stream: boolean; onRepair?: "correct" | "repeat" }): Promise<Outcome> {
  model.behaviour = behaviour;
  model.onRepair = options.onRepair ?? "correct";
  model.rounds = [];
  const partials: string[] = [];
  const answer = await services.ask(questionFor(fact, behaviour), options.stream ? { onPartialText: (text) => partials.push(text) } : undefined);
  return { fact, answer, rounds: [...model.rounds], partials };
}

const verifiedOnFirstDraft = ({ answer, rounds }: Outcome) =>
  answer.status === "answered" && answer.mode === "llm" && answer.repairs === 0 && rounds.length === 1 && answer.citations.length > 0 && answer.citations.every((citation) => citation.verified);

const matchForm = (text: string) => normalizeForMatch(text.replace(/\[\d+\]|\[\d*$|[。.]$/gu, "")).text;

/** True when the delivered answer shows the wrong text as a verified LLM answer. */
const deliveredWrong = (outcome: Outcome, wrong: string) =>
  outcome.answer.mode === "llm" && outcome.answer.citations.some((citation) => citation.verified) && matchForm(outcome.answer.text).includes(matchForm(wrong));

describe.each([
  { mode: "not streamed", stream: false },
  { mode: "streamed", stream: true },
])("a realistic model through the services ask --json uses ($mode)", ({ stream }) => {
  it("delivers correct answers in every honest habit as verified LLM answers on the first draft (≥ 95% of cases, each habit ≥ 80%)", async () => {
    const failures: string[] = [];
    const perHabit = new Map<string, { passed: number; total: number }>();
    let passed = 0;
    let total = 0;
    for (const habit of HABITS) {
      for (const fact of REPORT_FACTS.filter((candidate) => appliesTo(candidate, habit))) {
        const outcome = await ask(fact, habit, { stream });
        const ok = verifiedOnFirstDraft(outcome);
        const tally = perHabit.get(habit) ?? { passed: 0, total: 0 };
        tally.total++;
        total++;
        if (ok) {
          tally.passed++;
          passed++;
        } else {
          failures.push(`${habit} × ${fact.id}: ${outcome.answer.mode} ${outcome.answer.status} ${(outcome.answer.verificationErrors ?? []).join(" | ")}`);
        }
        perHabit.set(habit, tally);
      }
    }
    const rate = passed / total;
    const weakest = [...perHabit.entries()].map(([habit, tally]) => ({ habit, rate: tally.passed / tally.total }));
    console.log(`[${stream ? "streamed" : "not streamed"}] honest habits verified on the first draft: ${passed}/${total} (${(rate * 100).toFixed(1)}%)\n${failures.join("\n")}`);
    expect(rate, failures.join("\n")).toBeGreaterThanOrEqual(0.95);
    for (const { habit, rate: habitRate } of weakest) expect(habitRate, `${habit}: ${failures.filter((line) => line.startsWith(habit)).join("\n")}`).toBeGreaterThanOrEqual(0.8);
  });

  it.each(WRONG_SHAPES.filter((shape) => shape !== "reasoning-draft"))("never delivers a %s answer as verified: the model's repair is delivered instead", async (shape) => {
    for (const fact of REPORT_FACTS.filter((candidate) => appliesTo(candidate, shape))) {
      const outcome = await ask(fact, shape, { stream, onRepair: "correct" });
      expect(deliveredWrong(outcome, wrongAnswerText(fact, shape)), `${fact.id}: ${outcome.answer.text}`).toBe(false);
      expect(outcome.rounds, fact.id).toEqual(["draft", "repair"]);
      expect(outcome.answer, fact.id).toMatchObject({ status: "answered", mode: "llm", repairs: 1 });
      expect(outcome.answer.citations.every((citation) => citation.verified), fact.id).toBe(true);
    }
  });

  it.each(WRONG_SHAPES.filter((shape) => shape !== "reasoning-draft"))("never delivers a %s answer as verified: a model that repeats it is replaced by the extractive answer", async (shape) => {
    for (const fact of REPORT_FACTS.filter((candidate) => appliesTo(candidate, shape))) {
      const outcome = await ask(fact, shape, { stream, onRepair: "repeat" });
      expect(deliveredWrong(outcome, wrongAnswerText(fact, shape)), `${fact.id}: ${outcome.answer.text}`).toBe(false);
      expect(outcome.answer, fact.id).toMatchObject({ mode: "extractive", fallbackReason: "verification_failed", repairs: 1 });
    }
  });

  it("never delivers the wrong draft inside a reasoning block: the answer after it is delivered, and partial text never shows the reasoning", async () => {
    for (const fact of REPORT_FACTS) {
      const outcome = await ask(fact, "reasoning-draft", { stream });
      expect(deliveredWrong(outcome, wrongAnswerText(fact, "reasoning-draft")), fact.id).toBe(false);
      expect(verifiedOnFirstDraft(outcome), `${fact.id}: ${outcome.answer.verificationErrors}`).toBe(true);
      expect(matchForm(outcome.answer.text)).toBe(matchForm(fact.answer));
      for (const partial of outcome.partials) {
        expect(partial).not.toMatch(/think|草稿|核对/u);
        expect(matchForm(fact.answer).startsWith(matchForm(partial)), partial).toBe(true);
      }
    }
  });
});
