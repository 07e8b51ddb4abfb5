import { Worker } from "node:worker_threads";
import { afterAll, describe, expect, it } from "vitest";
import { segmentWords, tagWords } from "../../src/lexicon/jieba.js";
import { sharedJiebaClient, startSharedJieba } from "../../src/lexicon/shared-jieba.js";

const TEXTS = ["2024年上半年,全省规模以上工业增加值同比增长6.2%。", "成渝地区双城经济圈建设", "What was Sichuan's GDP in 2023?", ""];
const server = startSharedJieba(2);
afterAll(() => server.stop());

describe("the shared jieba", () => {
  it("segments and tags as the thread's own jieba does", () => {
    const client = sharedJiebaClient({ buffer: server.buffer, slot: 0 });
    for (const text of TEXTS) {
      expect(client.cut(text)).toEqual(segmentWords(text));
      expect(client.tag(text)).toEqual(tagWords(text));
    }
  });

  it("serves another thread through its own slot, synchronously", async () => {
    const source = `
      const { workerData, parentPort } = require("node:worker_threads");
      const control = new Int32Array(workerData.buffer, 0, 6);
      const bytes = new Uint8Array(workerData.buffer);
      const start = 4 * 6 + 1 * (1 << 20);
      const text = new TextEncoder().encode(workerData.text);
      bytes.set(text, start);
      control[5] = text.length;
      Atomics.store(control, 4, 1);
      Atomics.add(control, 0, 1);
      Atomics.notify(control, 0);
      while (Atomics.load(control, 4) === 1) Atomics.wait(control, 4, 1, 5000);
      parentPort.postMessage(JSON.parse(new TextDecoder().decode(bytes.slice(start, start + control[5]))));
    `;
    const worker = new Worker(source, { eval: true, workerData: { buffer: server.buffer, text: TEXTS[0] } });
    const words = await new Promise((resolve, reject) => worker.once("message", resolve).once("error", reject));
    await worker.terminate();
    expect(words).toEqual(segmentWords(TEXTS[0]!));
  });

  it("declines a text longer than its slot, for the caller to segment locally", () => {
    const client = sharedJiebaClient({ buffer: server.buffer, slot: 1 });
    expect(client.cut("工".repeat(600_000))).toBeUndefined();
  });
});
