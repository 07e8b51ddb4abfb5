import { afterEach, describe, expect, it } from "vitest";
import type { FakeServices } from "../helpers/fake-services.js";
import { startHarness, type Harness } from "./harness.js";

const USER = 2010;
const QUESTION = "2024年上半年四川规模以上工业增加值同比增长多少？";
let harness: Harness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

describe("questions in Telegram follow the same rule as ask and the terminal chat", () => {
  it("strips bidi controls and zero-width characters before asking", async () => {
    harness = await startHarness();
    const { emulator } = harness;
    emulator.sendText({ chatId: USER, userId: USER, text: `\u202e${QUESTION}\u200b\u202c` });
    await emulator.waitForMessages(USER, 1);
    expect((harness.services as FakeServices).calls.ask).toEqual([QUESTION]);
  });

  it("treats a message of only invisible characters as empty", async () => {
    harness = await startHarness();
    const { emulator } = harness;
    emulator.sendText({ chatId: USER, userId: USER, text: "\u202e\u200b\u2066" });
    const [reply] = await emulator.waitForMessages(USER, 1);
    expect(reply!.text).toContain("请用文字写下您的问题");
    expect((harness.services as FakeServices).calls.ask).toEqual([]);
  });
});
