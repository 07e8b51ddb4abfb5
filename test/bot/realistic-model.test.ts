/**
 * The streamed bot path against the realistic model: the real bot (grammY + runner) on the
 * Telegram emulator, the real services over the shipped report, the real openai SDK streaming
 * from the realistic model on 127.0.0.1. What staff see: a ✅ only on answers that are right,
 * and never the model's reasoning, not even while the answer streams.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { normalizeForMatch } from "../../src/text/normalize.js";
import { REPORT_FACTS } from "../helpers/realistic-facts.js";
import { questionFor, startRealisticModel, wrongAnswerText, type Behaviour, type RealisticModel, type WrongShape } from "../helpers/realistic-model.js";
import { startHarness, type Harness } from "./harness.js";

let harness: Harness;
let model: RealisticModel;
let nextUser = 7100;

beforeAll(async () => {
  model = await startRealisticModel({ streamDelayMs: 8 });
  harness = await startHarness({
    services: "real",
    env: { ANSWERER: "llm", OPENAI_BASE_URL: model.baseUrl, OPENAI_API_KEY: "sk-test-key-123456", OPENAI_MODEL: "realistic-model", LLM_MAX_RETRIES: "0" },
    bot: { editIntervalMs: 100 },
  });
}, 60_000);

afterAll(async () => {
  await harness?.stop();
  await model?.close();
});

const fact = (id: string) => REPORT_FACTS.find((candidate) => candidate.id === id)!;

/** Asks as a new user with the model set to `behaviour`; returns the final HTML message and every text the message showed. */
async function ask(factId: string, behaviour: Behaviour, onRepair: "correct" | "repeat" = "correct") {
  const user = nextUser++;
  model.behaviour = behaviour;
  model.onRepair = onRepair;
  const { emulator } = harness;
  emulator.sendText({ chatId: user, userId: user, text: questionFor(fact(factId), behaviour) });
  const final = await emulator.waitFor(() => emulator.messages(user).find((message) => message.parse_mode === "HTML"), 30_000, "final answer");
  const [answerPart] = final.text.split(/<b>(?:依据|Sources)<\/b>/u);
  return { final, answerText: answerPart!, shown: final.history };
}

const plain = (html: string) => normalizeForMatch(html.replace(/<[^>]+>/gu, "").replace(/\[\d+\]|[。.]/gu, "")).text;

describe("the streamed bot path with a realistic model", () => {
  it.each<[string, Behaviour]>([
    ["industry-growth", "ellipsis-join"],
    ["smart-medicine", "lenticular-markers"],
    ["technology-centres", "end-marker"],
    ["digital-economy", "english"],
    ["cloud-enterprises", "think-unopened"],
    ["base-stations", "reasoning-content"],
  ])("delivers %s written with the %s habit as a verified answer, never showing reasoning while it streams", async (factId, behaviour) => {
    const { final, answerText, shown } = await ask(factId, behaviour);
    expect(final.text).toMatch(/✅/u);
    expect(final.text).not.toMatch(/未核验|unverified/u);
    expect(answerText).not.toMatch(/think|草稿|核对/u);
    for (const text of shown) expect(text).not.toMatch(/think|草稿|核对|答案在第/u);
  });

  it("shows markdown emphasis as bold, not asterisks", async () => {
    const { answerText } = await ask("six-industries", "markdown");
    expect(answerText).toContain("<b>6.6%</b>");
    expect(answerText).not.toContain("*");
  });

  it.each<[string, WrongShape]>([
    ["industry-growth", "sibling"],
    ["smart-medicine", "sibling"],
    ["revenue-share-rise", "flipped"],
    ["digital-economy", "wrong-chinese-numeral"],
    ["digital-economy", "wrong-english"],
  ])("never shows a %s answer with a %s figure under ✅ (the repair is delivered)", async (factId, shape) => {
    const { answerText } = await ask(factId, shape);
    expect(plain(answerText)).not.toContain(plain(wrongAnswerText(fact(factId), shape)));
  });

  it("never shows a sibling figure under ✅ when the model repeats it: the extractive answer stands in", async () => {
    const { final, answerText } = await ask("industry-growth", "sibling", "repeat");
    expect(plain(answerText)).not.toContain(plain(wrongAnswerText(fact("industry-growth"), "sibling")));
    expect(answerText).toContain("6.2%");
    expect(final.text).toMatch(/✅/u);
  });

  it("never shows the wrong draft inside a reasoning block, neither streamed nor final", async () => {
    const wrong = plain(wrongAnswerText(fact("industry-growth"), "reasoning-draft"));
    const { answerText, shown } = await ask("industry-growth", "reasoning-draft");
    expect(shown.length).toBeGreaterThan(2);
    expect(plain(answerText)).not.toContain(wrong);
    expect(answerText).toContain("6.2%");
    for (const text of shown) expect(plain(text)).not.toContain(wrong);
  });
});
