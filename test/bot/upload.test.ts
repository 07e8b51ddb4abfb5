import { afterEach, describe, expect, it } from "vitest";
import { drainBotTasks } from "../../src/bot/create-bot.js";
import { ADMIN_ID, startHarness, type Harness } from "./harness.js";

const USER = 2005;
const NEW_REPORT = [
  "# 成都低空经济发展报告",
  "",
  "2024年，成都市低空经济产业规模达到850亿元，同比增长32.5%。",
  "",
  "全市已建成无人机起降点126个，开通低空航线48条。",
].join("\n");
let harness: Harness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

const finalUploadReply = (h: Harness) =>
  h.emulator.waitFor(() => {
    const text = h.emulator.messages(ADMIN_ID).at(-1)?.text ?? "";
    return /^(✅|❌)/.test(text) ? text : undefined;
  }, 20_000, "upload result");

describe("admin document uploads", () => {
  it("an admin uploads a new .md and the next question is answered from it", async () => {
    harness = await startHarness({ services: "real" });
    const { emulator } = harness;
    emulator.sendDocument({ chatId: ADMIN_ID, userId: ADMIN_ID, fileName: "chengdu-low-altitude.md", bytes: new TextEncoder().encode(NEW_REPORT) });
    expect(await finalUploadReply(harness)).toContain("已添加“chengdu-low-altitude.md”");
    expect(harness.services.listDocuments().map((document) => document.title)).toContain("成都低空经济发展报告");

    emulator.sendText({ chatId: USER, userId: USER, text: "2024年成都市低空经济产业规模达到多少亿元？" });
    const [answer] = await emulator.waitForMessages(USER, 1);
    expect(answer!.text).toContain("850亿元");
    expect(answer!.text).toContain("《成都低空经济发展报告》");
    expect(answer!.text).toContain("✅");
  });

  it("a 30 MB upload is refused from file_size and never downloaded", async () => {
    harness = await startHarness();
    const { emulator } = harness;
    emulator.sendDocument({ chatId: ADMIN_ID, userId: ADMIN_ID, fileName: "huge.pdf", fileSize: 30 * 1024 * 1024 });
    const [reply] = await emulator.waitForMessages(ADMIN_ID, 1);
    expect(reply!.text).toBe("“huge.pdf”大小为 30.0 MB，超过上限 20.0 MB（Telegram 机器人下载限制）。索引未改变。");
    expect(emulator.callsOf("getFile")).toHaveLength(0);
    expect(emulator.downloads).toEqual([]);
  });

  it("an unsupported file type (.exe) gets a clear reply and nothing is downloaded", async () => {
    harness = await startHarness();
    const { emulator } = harness;
    emulator.sendDocument({ chatId: ADMIN_ID, userId: ADMIN_ID, fileName: "setup.exe", bytes: new Uint8Array([0x4d, 0x5a, 0, 0]) });
    const [reply] = await emulator.waitForMessages(ADMIN_ID, 1);
    expect(reply!.text).toContain("不支持“setup.exe”的文件类型，仅支持 .txt .md .pdf .docx .html .xlsx .csv 文件。索引未改变。");
    expect(emulator.downloads).toEqual([]);
  });

  it("a corrupt PDF is rejected with the reason, and the index is unchanged", async () => {
    harness = await startHarness({ services: "real" });
    const { emulator } = harness;
    const before = harness.services.listDocuments();
    emulator.sendDocument({ chatId: ADMIN_ID, userId: ADMIN_ID, fileName: "broken.pdf", bytes: new TextEncoder().encode("%PDF-1.7\n garbage that is not a pdf \n%%EOF") });
    const text = await finalUploadReply(harness);
    expect(text).toMatch(/^❌ 无法添加“broken\.pdf”（(corrupt|unreadable|empty)）：/);
    expect(text).toContain("索引未改变");
    await drainBotTasks(harness.bot);
    expect(harness.services.listDocuments()).toEqual(before);
  });

  it("a non-admin upload gets a polite refusal and nothing is downloaded", async () => {
    harness = await startHarness();
    const { emulator } = harness;
    emulator.sendDocument({ chatId: USER, userId: USER, fileName: "notes.md", bytes: new TextEncoder().encode("# Notes\n\nhello") });
    const [reply] = await emulator.waitForMessages(USER, 1);
    expect(reply!.text).toContain("只有管理员");
    expect(emulator.downloads).toEqual([]);
  });

  it("a failed download gets a clear reply and the index is unchanged", async () => {
    harness = await startHarness();
    const { emulator } = harness;
    emulator.failDownloads(500);
    emulator.sendDocument({ chatId: ADMIN_ID, userId: ADMIN_ID, fileName: "notes.md", bytes: new TextEncoder().encode("# Notes\n\nhello") });
    expect(await finalUploadReply(harness)).toContain("无法从 Telegram 下载“notes.md”");
    expect(harness.services.listDocuments()).toHaveLength(1);
  });
});
