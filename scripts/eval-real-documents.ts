// `KNOWLEDGE_DIR=<folder of real reports> DATA_DIR=<scratch> npx tsx scripts/eval-real-documents.ts [questions.json]`:
// asks the development questions on real documents (default test/eval/real-documents-dev.json)
// and prints right, wrong and declined, the shape of the held-out real-document measure.
import { readFileSync } from "node:fs";
import { openServicesForCli } from "../src/cli/open-services.js";
import { runCli } from "../src/cli/run-cli.js";
import { scoreRealDocuments, type RealDocumentQuestion } from "../src/eval/real-documents/score-real-documents.js";

runCli(async () => {
  const file = process.argv[2] ?? "test/eval/real-documents-dev.json";
  const { questions } = JSON.parse(readFileSync(file, "utf8")) as { questions: RealDocumentQuestion[] };
  const { services } = await openServicesForCli(process.env);
  try {
    const answers = [];
    for (const question of questions) answers.push(await services.ask(question.question));
    const score = scoreRealDocuments(questions, answers);
    for (const row of score.rows) console.log(`${row.verdict.padEnd(8)} ${row.question}  →  ${row.lead}`);
    const answeredCount = score.right + score.answeredWrong;
    console.log(
      `answerable right ${score.right}/${score.answerable}; answered wrong ${score.answeredWrong}; ` +
        `precision when answered ${answeredCount === 0 ? "-" : (score.right / answeredCount).toFixed(2)}; ` +
        `unanswerable declined ${score.declined}/${score.unanswerable}`,
    );
  } finally {
    await services.close();
  }
});
