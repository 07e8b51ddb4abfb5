/**
 * Entry point of one answer worker thread (started by answer-pool.ts): builds the worker's bot
 * and stores, then handles the updates the replica's main thread hands it. Messages in:
 * {type:"handle", id, update} and {type:"stop"}; out: {type:"ready"}, {type:"done", id, outcome},
 * {type:"failed", message} (start-up failed) and {type:"stopped"}.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { Update } from "grammy/types";
import { adoptLexiconPack } from "../lexicon/lexicon-pack.js";
import type { AnswerThreadData } from "./answer-pool.js";
import { startAnswerRuntime } from "./answer-runtime.js";

const port = parentPort!;
try {
  const { lexicon, ...data } = workerData as AnswerThreadData;
  if (lexicon) adoptLexiconPack(lexicon);
  const runtime = await startAnswerRuntime(data);
  port.on("message", (message: { type: "handle"; id: number; update: Update } | { type: "stop" }) => {
    if (message.type === "handle") {
      runtime.handle(message.update).then(
        (outcome) => port.postMessage({ type: "done", id: message.id, outcome }),
        (error: unknown) =>
          port.postMessage({ type: "done", id: message.id, outcome: { kind: "error", reason: error instanceof Error ? error.message : String(error) } }),
      );
    } else {
      void runtime.close().finally(() => {
        port.postMessage({ type: "stopped" });
        port.close();
      });
    }
  });
  port.postMessage({ type: "ready" });
} catch (error) {
  port.postMessage({ type: "failed", message: error instanceof Error ? error.message : String(error) });
  port.close();
}
