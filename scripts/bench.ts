// `npm run bench`: prints every performance figure (benchmarks, never timed tests).
// `npm run bench -- store answer bot crash verify fleet first-minute pdf conversation access question` runs a subset.
import { runAccessBench } from "./bench/access.js";
import { runAnswerBench } from "./bench/answer.js";
import { runBotLoadBench } from "./bench/bot-load.js";
import { runConversationBench } from "./bench/conversation.js";
import { runCrashBench } from "./bench/crash.js";
import { runFirstMinuteBench } from "./bench/first-minute.js";
import { runFleetBench } from "./bench/fleet.js";
import { runQuestionBench } from "./bench/question.js";
import { runPdfBench } from "./bench/pdf.js";
import { runStoreBench } from "./bench/store.js";
import { runVerifyBench } from "./bench/verify.js";

const suites: Record<string, () => Promise<void>> = {
  store: runStoreBench,
  answer: () => runAnswerBench(),
  bot: runBotLoadBench,
  crash: () => runCrashBench(),
  verify: runVerifyBench,
  fleet: runFleetBench,
  "first-minute": runFirstMinuteBench,
  pdf: runPdfBench,
  conversation: runConversationBench,
  access: runAccessBench,
  question: runQuestionBench,
};

const wanted = process.argv.slice(2).filter((name) => !name.startsWith("-"));
for (const name of wanted.length ? wanted : Object.keys(suites)) {
  const suite = suites[name];
  if (!suite) {
    console.error(`Unknown benchmark "${name}"; choose from: ${Object.keys(suites).join(", ")}`);
    process.exit(1);
  }
  console.log(`\n== ${name} ==`);
  await suite();
}
