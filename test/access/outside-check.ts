/**
 * The outside check of access, as a new user would try it, through the Bot API emulator only:
 * one body run against the embedded bot and against a fleet (outside-check-*.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ADMIN, ALICE, BOB, FINANCE_GROUP, GRANTS, PLAIN_GROUP, STRANGER, financeLeaks, type AccessDeployment,
} from "./access-deployment.js";

const FINANCE_QUESTION = "2024年第三季度集团研发支出同比下降多少？";
const EXPIRED = "该回答已不可用。";
let callbackNumber = 0;

/** Presses a button with `data` in `chatId` as `userId`, as a replayed or forwarded button arrives; resolves with the bot's notice on it. */
async function replayButton(deployment: AccessDeployment, options: { chatId: number; userId: number; data: string }): Promise<string | undefined> {
  const { emulator } = deployment;
  const id = `replay-${++callbackNumber}`;
  emulator.pushUpdate({
    callback_query: {
      id,
      from: { id: options.userId, is_bot: false, first_name: `User${options.userId}` },
      message: {
        message_id: 999_000 + callbackNumber,
        date: Math.floor(Date.now() / 1000),
        chat: options.chatId > 0 ? { id: options.chatId, type: "private", first_name: `User${options.chatId}` } : { id: options.chatId, type: "group", title: "Other" },
        from: { id: 123456, is_bot: true, first_name: "Report Helper" },
        text: "forwarded answer",
      },
      chat_instance: `replayed-${options.chatId}`,
      data: options.data,
    },
  });
  const call = await emulator.waitFor(
    () => emulator.callsOf("answerCallbackQuery").find((candidate) => candidate.payload.callback_query_id === id),
    60_000,
    `the answer to button press ${id}`,
  );
  return call.payload.text as string | undefined;
}

/** Sends /help in a chat and waits for its reply: every earlier update of that chat has then been handled. */
async function settle(deployment: AccessDeployment, chatId: number, userId: number): Promise<void> {
  const before = deployment.texts(chatId).length;
  deployment.emulator.sendText({ chatId, userId, chatType: chatId > 0 ? "private" : "group", text: "/help" });
  await deployment.nextReply(chatId, before);
}

export function describeOutsideCheck(mode: string, start: () => Promise<AccessDeployment>, options: { timeoutMs: number; replicas: number }): void {
  const { timeoutMs } = options;
  describe(`access from the outside (${mode})`, () => {
    let deployment: AccessDeployment;
    let groupAnswerButton: string;

    beforeAll(async () => {
      deployment = await start();
    }, timeoutMs);
    afterAll(async () => {
      await deployment?.stop();
    }, 60_000);

    const ask = async (chatId: number, userId: number, text: string) => {
      const before = deployment.texts(chatId).filter((message) => message !== "正在查找…").length;
      deployment.emulator.sendText({ chatId, userId, chatType: chatId > 0 ? "private" : "group", text: chatId > 0 ? text : `/ask ${text}` });
      return deployment.nextReply(chatId, before);
    };

    it("a user on no list gets one reply, naming their id, with nothing from a document; their button presses are refused", async () => {
      const { emulator } = deployment;
      for (const text of [FINANCE_QUESTION, "/start", "2024年上半年全省规模以上工业增加值同比增长多少？"]) {
        emulator.sendText({ chatId: STRANGER, userId: STRANGER, text });
      }
      const notice = await replayButton(deployment, { chatId: STRANGER, userId: STRANGER, data: "src:abcdefghij:1" });
      expect(notice).toContain(String(STRANGER));
      // The admin's /stats counts what was refused, so every refused update has been handled once it shows 3 questions.
      let stats = "";
      for (let attempt = 0; attempt < 100 && !stats.includes("已拒绝（不在允许名单）：3 个问题，1 次按钮"); attempt += 1) {
        if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 200));
        const before = deployment.texts(ADMIN).length;
        emulator.sendText({ chatId: ADMIN, userId: ADMIN, text: "/stats" });
        stats = (await deployment.nextReply(ADMIN, before)).text;
      }
      expect(stats).toContain("已拒绝（不在允许名单）：3 个问题，1 次按钮");
      expect(stats).toContain(`<code>${STRANGER}</code> ×4`);
      const replies = deployment.texts(STRANGER);
      expect(replies).toHaveLength(1);
      expect(replies[0]).toContain(`<code>${STRANGER}</code>`);
      expect(replies[0]).toContain("请把它发给管理员");
      expect(financeLeaks(replies)).toEqual([]);
      expect(replies[0]).not.toContain("6.2%");
    });

    it("/start shows a served user their own id and only the documents their chat may see", async () => {
      const reply = await ask(ALICE, ALICE, "/start");
      expect(reply.text).toContain(`<code>${ALICE}</code>`);
      expect(reply.text).toContain("sichuan industry report");
      expect(financeLeaks([reply.text])).toEqual([]);
      const docs = await ask(ALICE, ALICE, "/docs");
      expect(docs.text).toContain("共 1 个文档");
      expect(financeLeaks([docs.text])).toEqual([]);
    });

    it("a private chat without the finance grant gets no finance text at all, closest passages included", async () => {
      for (const question of [FINANCE_QUESTION, "成都结算中心投资了多少？", "集团董事会决定了什么？"]) await ask(ALICE, ALICE, question);
      const texts = deployment.texts(ALICE);
      expect(texts.some((text) => text.includes("最接近的段落") || text.includes("依据"))).toBe(true);
      expect(financeLeaks(texts)).toEqual([]);
    });

    it("a group granted finance is answered from it, with a source button", async () => {
      const reply = await ask(FINANCE_GROUP, ALICE, FINANCE_QUESTION);
      expect(reply.text).toContain("17.3%");
      expect(reply.text).toContain("内部财务备忘录（机密）");
      const button = reply.reply_markup?.inline_keyboard.flat().find((candidate) => candidate.text === "原文 1");
      if (!button) throw new Error(`no 原文 1 button under: ${JSON.stringify(reply.reply_markup)} ${reply.text}`);
      groupAnswerButton = button.callback_data!;
      deployment.emulator.clickButton({ chatId: FINANCE_GROUP, messageId: reply.message_id, data: groupAnswerButton, userId: ALICE });
      const source = await deployment.nextReply(FINANCE_GROUP, deployment.texts(FINANCE_GROUP).length);
      expect(source.text).toContain("原文 [1]");
      expect(source.text).toContain("17.3%");
    });

    it("that button, replayed from a private chat, a stranger's chat and an ungranted group, shows nothing", async () => {
      const before = { [ALICE]: deployment.texts(ALICE).length, [STRANGER]: deployment.texts(STRANGER).length, [PLAIN_GROUP]: deployment.texts(PLAIN_GROUP).length };
      expect(await replayButton(deployment, { chatId: ALICE, userId: ALICE, data: groupAnswerButton })).toBe(EXPIRED);
      expect(await replayButton(deployment, { chatId: STRANGER, userId: STRANGER, data: groupAnswerButton })).toContain(String(STRANGER));
      expect(await replayButton(deployment, { chatId: PLAIN_GROUP, userId: ALICE, data: groupAnswerButton })).toBe(EXPIRED);
      // Bob is granted finance privately, but in the plain group everyone would read it.
      expect(await replayButton(deployment, { chatId: PLAIN_GROUP, userId: BOB, data: groupAnswerButton })).toBe(EXPIRED);
      const feedback = groupAnswerButton.replace(/^src:([^:]+):\d+$/, "fb:$1:up");
      expect(await replayButton(deployment, { chatId: ALICE, userId: ALICE, data: feedback })).toBe(EXPIRED);
      await settle(deployment, ALICE, ALICE);
      await settle(deployment, PLAIN_GROUP, ALICE);
      expect(deployment.texts(ALICE)).toHaveLength(before[ALICE] + 1);
      expect(deployment.texts(PLAIN_GROUP)).toHaveLength(before[PLAIN_GROUP] + 1);
      expect(deployment.texts(STRANGER)).toHaveLength(before[STRANGER]);
      expect(financeLeaks([...deployment.texts(ALICE), ...deployment.texts(STRANGER), ...deployment.texts(PLAIN_GROUP)])).toEqual([]);
    });

    it("an ungranted group gets no finance text, even when the asker is granted finance privately", async () => {
      await ask(PLAIN_GROUP, BOB, FINANCE_QUESTION);
      await ask(PLAIN_GROUP, BOB, "成都结算中心投资了多少？");
      expect(financeLeaks(deployment.texts(PLAIN_GROUP))).toEqual([]);
      const own = await ask(BOB, BOB, FINANCE_QUESTION);
      expect(own.text).toContain("17.3%");
    });

    it("a grant file changed while the bot runs applies from the next question; a malformed change keeps the last good grant and tells the admins", async () => {
      deployment.writeGrants(JSON.stringify({ ...GRANTS, users: { ...GRANTS.users, [String(ALICE)]: ["finance"] } }));
      expect((await ask(ALICE, ALICE, FINANCE_QUESTION)).text).toContain("17.3%");
      const adminMessages = deployment.texts(ADMIN).length;
      deployment.writeGrants('{"default": ["main", "finance"]');
      const kept = await ask(ALICE, ALICE, FINANCE_QUESTION);
      // With several replicas, each keeps the last good grant *it* read (docs/access.md): the one
      // answering may not have read the good save, so only one replica is sure to have it.
      if (options.replicas === 1) expect(kept.text).toContain("17.3%");
      // Never the broken version, which would grant finance to every group without a grant.
      await ask(PLAIN_GROUP, ALICE, FINANCE_QUESTION);
      expect(financeLeaks(deployment.texts(PLAIN_GROUP))).toEqual([]);
      const warning = await deployment.nextReply(ADMIN, adminMessages);
      expect(warning.text).toContain(deployment.grantFile);
      expect(warning.text).toContain("is not valid JSON");
      deployment.writeGrants(JSON.stringify(GRANTS));
      const revoked = await ask(ALICE, ALICE, FINANCE_QUESTION);
      expect(financeLeaks([revoked.text])).toEqual([]);
    });
  });
}
