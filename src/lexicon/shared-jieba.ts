/**
 * One jieba for many threads. A jieba instance is native memory (~47 MB of jieba-rs structures
 * for its dictionary) that cannot be shared between threads, so each fleet answer thread used to
 * load its own. Here one segmentation thread holds the only instance and serves the others
 * through a SharedArrayBuffer: each client thread owns a slot, writes its text there and waits
 * with Atomics.wait, so segmentWords and tagWords stay synchronous for their callers.
 *
 * Layout: Int32 control words [doorbell, stop, then per slot: state, byte length], then one
 * SLOT_BYTES data area per slot (the text in, the JSON result out).
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Worker } from "node:worker_threads";

/** What a client thread needs to use the shared jieba: the buffer and its own slot. */
export interface SharedJiebaChannel {
  buffer: SharedArrayBuffer;
  slot: number;
}

/** The request kinds, and the states of a slot. */
const IDLE = 0;
const CUT = 1;
const TAG = 2;
const DONE = 3;
const FAILED = 4;
/** Room for a text and its result: a passage and its tags fit many times over; a longer text is segmented locally. */
export const SLOT_BYTES = 1 << 20;
/** A client gives up waiting after this long (the server is gone) and segments locally. */
const WAIT_MS = 10_000;

const controlWords = (slots: number) => 2 + 2 * slots;
const dataStart = (slots: number) => 4 * controlWords(slots);

/** Server loop, CommonJS in a string so it runs the same under tsx, vitest and dist/. */
const SERVER_SOURCE = `
const { workerData } = require("node:worker_threads");
const { readFileSync } = require("node:fs");
const { Jieba } = require(workerData.jiebaPath);
const jieba = Jieba.withDict(readFileSync(workerData.dictPath));
const { buffer, slots, slotBytes } = workerData;
const control = new Int32Array(buffer, 0, 2 + 2 * slots);
const bytes = new Uint8Array(buffer);
const start = 4 * (2 + 2 * slots);
const decoder = new TextDecoder();
const encoder = new TextEncoder();
for (;;) {
  const seen = Atomics.load(control, 0);
  for (let slot = 0; slot < slots; slot++) {
    const state = 2 + 2 * slot;
    const kind = Atomics.load(control, state);
    if (kind !== ${CUT} && kind !== ${TAG}) continue;
    const offset = start + slot * slotBytes;
    const text = decoder.decode(bytes.slice(offset, offset + control[state + 1]));
    let result = ${FAILED};
    try {
      const encoded = encoder.encode(JSON.stringify(kind === ${CUT} ? jieba.cut(text, true) : jieba.tag(text, true)));
      if (encoded.length <= slotBytes) {
        bytes.set(encoded, offset);
        control[state + 1] = encoded.length;
        result = ${DONE};
      }
    } catch {}
    Atomics.store(control, state, result);
    Atomics.notify(control, state);
  }
  if (Atomics.load(control, 1) === 1) break;
  Atomics.wait(control, 0, seen, 1000);
}
`;

/**
 * Starts the segmentation thread with `slots` client slots (one per answer thread). Returns the
 * buffer to hand each client with its slot number, and a function that stops the thread.
 */
export function startSharedJieba(slots: number): { buffer: SharedArrayBuffer; stop(): Promise<void> } {
  const buffer = new SharedArrayBuffer(dataStart(slots) + slots * SLOT_BYTES);
  const require = createRequire(import.meta.url);
  const jiebaPath = require.resolve("@node-rs/jieba");
  const worker = new Worker(SERVER_SOURCE, { eval: true, workerData: { buffer, slots, slotBytes: SLOT_BYTES, jiebaPath, dictPath: join(dirname(jiebaPath), "dict.txt") } });
  worker.unref();
  return {
    buffer,
    async stop() {
      const control = new Int32Array(buffer, 0, controlWords(slots));
      Atomics.store(control, 1, 1);
      Atomics.add(control, 0, 1);
      Atomics.notify(control, 0);
      await worker.terminate();
    },
  };
}

/**
 * Returns a client of the shared jieba for this thread's slot: `cut` and `tag` answer as jieba
 * does, or undefined when the server cannot (text too long, server gone), for the caller to
 * segment locally.
 */
export function sharedJiebaClient(channel: SharedJiebaChannel): {
  cut(text: string): string[] | undefined;
  tag(text: string): Array<{ word: string; tag: string }> | undefined;
} {
  const slots = slotCount(channel.buffer);
  const control = new Int32Array(channel.buffer, 0, controlWords(slots));
  const bytes = new Uint8Array(channel.buffer);
  const offset = dataStart(slots) + channel.slot * SLOT_BYTES;
  const state = 2 + 2 * channel.slot;
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  let serverGone = false;
  const request = <T>(kind: number, text: string): T | undefined => {
    if (serverGone) return undefined;
    const encoded = encoder.encode(text);
    if (encoded.length > SLOT_BYTES) return undefined;
    bytes.set(encoded, offset);
    control[state + 1] = encoded.length;
    Atomics.store(control, state, kind);
    Atomics.add(control, 0, 1);
    Atomics.notify(control, 0);
    const deadline = Date.now() + WAIT_MS;
    while (Atomics.load(control, state) === kind) {
      if (Atomics.wait(control, state, kind, Math.max(1, deadline - Date.now())) === "timed-out" && Date.now() >= deadline) {
        serverGone = true;
        return undefined;
      }
    }
    const result = Atomics.load(control, state);
    const value = result === DONE ? (JSON.parse(decoder.decode(bytes.slice(offset, offset + control[state + 1]!))) as T) : undefined;
    Atomics.store(control, state, IDLE);
    return value;
  };
  return { cut: (text) => request(CUT, text), tag: (text) => request(TAG, text) };
}

/** The number of slots a buffer made by startSharedJieba holds. */
function slotCount(buffer: SharedArrayBuffer): number {
  // size = 4 × (2 + 2n) + n × SLOT_BYTES
  return Math.round((buffer.byteLength - 8) / (8 + SLOT_BYTES));
}
