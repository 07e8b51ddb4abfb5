// Child of scripts/bench/first-minute.ts: starts answer threads one at a time (compiled code,
// dist/), each opening the services and answering one question with the lexicon pack the main
// thread shares (as src/fleet/answer-pool.ts does: word tables and jieba's dictionary and HMM in
// one SharedArrayBuffer); prints the process RSS after each as one JSON line.
import { Worker } from "node:worker_threads";

const [, , distRoot, threadCount, question] = process.argv;
const { sharedLexiconPack } = await import(`${distRoot}/src/lexicon/lexicon-pack.js`);
const lexicon = sharedLexiconPack();
const source = `
  const { workerData, parentPort } = await import("node:worker_threads");
  const { adoptLexiconPack } = await import(${JSON.stringify(`${distRoot}/src/lexicon/lexicon-pack.js`)});
  adoptLexiconPack(workerData.lexicon);
  const { openServicesForCli } = await import(${JSON.stringify(`${distRoot}/src/cli/open-services.js`)});
  const { services } = await openServicesForCli(process.env);
  await services.ask(workerData.question);
  parentPort.postMessage("answered");
  parentPort.once("message", async () => { await services.close(); parentPort.close(); });
`;
const rss = () => Math.round(process.memoryUsage().rss / 1e6);
const workers = [];
const lines = [{ threads: 0, rssMb: rss() }];
for (let index = 1; index <= Number(threadCount); index++) {
  const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(source)}`), { workerData: { lexicon, question } });
  await new Promise((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
  });
  workers.push(worker);
  globalThis.gc?.();
  lines.push({ threads: index, rssMb: rss() });
}
for (const worker of workers) worker.postMessage("stop");
await Promise.all(workers.map((worker) => new Promise((resolve) => worker.once("exit", resolve))));
process.stdout.write(`${JSON.stringify(lines)}\n`);
