/**
 * Entry point of one answer worker thread (started by answer-pool.ts): builds the worker's bot
 * and stores, then takes jobs from the partition queues itself (BullMQ workers in this thread, so
 * the queue work is spread over the cores as well). Messages in: {type:"stop"}; out:
 * {type:"ready"}, {type:"failed", message} (start-up failed), {type:"stopped"}.
 */
import { parentPort, workerData } from "node:worker_threads";
import { startAnswerRuntime, type AnswerRuntimeData } from "./answer-runtime.js";

const port = parentPort!;
try {
  const runtime = await startAnswerRuntime(workerData as AnswerRuntimeData);
  runtime.startWorkers();
  port.on("message", (message: { type: "stop" }) => {
    if (message.type !== "stop") return;
    void runtime.close().finally(() => {
      port.postMessage({ type: "stopped" });
      port.close();
    });
  });
  port.postMessage({ type: "ready" });
} catch (error) {
  port.postMessage({ type: "failed", message: error instanceof Error ? error.message : String(error) });
  port.close();
}
