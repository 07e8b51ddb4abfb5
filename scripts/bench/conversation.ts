// What conversation memory adds to an answer, offline: the follow-up's reading (the rewriter,
// jieba warm) alone, and a follow-up answered through the conversation against the same
// standalone question asked directly, over the shipped report.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createKnowledgeServices } from "../../src/app/create-services.js";
import { readQuestionParts, slotsOfParts } from "../../src/conversation/question-parts.js";
import { rewriteFollowUp } from "../../src/conversation/rewrite-follow-up.js";
import type { Turn } from "../../src/conversation/types.js";
import { loadConfig } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import { ms, percentile } from "./stats.js";

const REPOSITORY = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const DIALOGUES = join(REPOSITORY, "test/eval/dialogues/shipped.json");
const ROUNDS = 20;

interface Pair {
  previous: string;
  message: string;
}

/** Every (previous question, follow-up) pair of the shipped development dialogues. */
function pairs(): Pair[] {
  const set = JSON.parse(readFileSync(DIALOGUES, "utf8")) as { dialogues: Array<{ turns: Array<{ message: string; replyTo?: number }> }> };
  return set.dialogues.flatMap((dialogue) =>
    dialogue.turns.slice(1).map((turn, index) => ({ previous: dialogue.turns[turn.replyTo ?? index]!.message, message: turn.message })),
  );
}

const turnOf = (question: string): Turn => ({ id: "0", typed: question, question, slots: slotsOfParts(readQuestionParts(question)), figures: [], status: "answered", at: 0 });

export async function runConversationBench(): Promise<void> {
  const all = pairs();
  // The reading alone: the pure rewriter, as the services call it for each message.
  for (const pair of all) rewriteFollowUp({ turns: [turnOf(pair.previous)], message: pair.message }); // warm-up (jieba)
  const reading: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const pair of all) {
      const turns = [turnOf(pair.previous)];
      const started = performance.now();
      rewriteFollowUp({ turns, message: pair.message });
      reading.push(performance.now() - started);
    }
  }
  console.log(`offline follow-up reading (rewriter), ${all.length} follow-ups × ${ROUNDS}: p50 ${ms(percentile(reading, 50))}, p99 ${ms(percentile(reading, 99))}`);

  const root = mkdtempSync(join(tmpdir(), "bench-conversation-"));
  try {
    mkdirSync(join(root, "knowledge"));
    cpSync(join(REPOSITORY, "knowledge/sichuan-industry-report.txt"), join(root, "knowledge/sichuan-industry-report.txt"));
    const config = loadConfig({ KNOWLEDGE_DIR: join(root, "knowledge"), DATA_DIR: join(root, "data"), EMBEDDINGS: "lexical", ANSWERER: "extractive" });
    const services = await createKnowledgeServices({ config, logger: createLogger({ level: "silent" }) });
    const memory = services.conversation!;
    // Each follow-up in its own two-turn conversation; the direct ask gets the same standalone question.
    const readings = new Map<string, string>();
    let key = 0;
    for (const pair of all) {
      const conversation = `bench:${key++}`;
      await memory.ask({ key: conversation, message: pair.previous, turnId: "1" });
      readings.set(pair.message + pair.previous, (await memory.read({ key: conversation, message: pair.message, turnId: "2" })).question);
    }
    const direct: number[] = [];
    const followed: number[] = [];
    const differences: number[] = [];
    for (let round = 0; round < 5; round++) {
      for (const [index, pair] of all.entries()) {
        const conversation = `bench:${key++}`;
        await memory.ask({ key: conversation, message: pair.previous, turnId: "1" });
        // Alternate which goes first, so a warm cache or a busy moment favours neither.
        const timeFollowUp = async () => {
          const started = performance.now();
          await memory.ask({ key: conversation, message: pair.message, turnId: "2" });
          return performance.now() - started;
        };
        const timeDirect = async () => {
          const started = performance.now();
          await services.ask(readings.get(pair.message + pair.previous)!);
          return performance.now() - started;
        };
        const [first, second] = (round + index) % 2 === 0 ? [await timeFollowUp(), await timeDirect()] : [0, 0];
        const [viaDirect, viaFollowUp] = (round + index) % 2 === 0 ? [second, first] : [await timeDirect(), await timeFollowUp()];
        followed.push(viaFollowUp);
        direct.push(viaDirect);
        differences.push(viaFollowUp - viaDirect);
      }
    }
    console.log(
      `follow-up answered through the conversation: p50 ${ms(percentile(followed, 50))}, p99 ${ms(percentile(followed, 99))}; ` +
        `its standalone question asked directly: p50 ${ms(percentile(direct, 50))}, p99 ${ms(percentile(direct, 99))}; ` +
        `added (median of the paired differences) ${ms(percentile(differences, 50))} (${followed.length} follow-ups)`,
    );
    await services.close();
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
