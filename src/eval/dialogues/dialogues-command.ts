import { copyFile, mkdir, mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import type { KnowledgeServices } from "../../app/services.js";
import { loadConfig, type Config } from "../../config.js";
import { loadDialogueSet, type DialogueSet } from "./dialogue-set.js";
import { formatDialogueReport } from "./format-dialogues.js";
import { runDialogues, type DialogueDriver, type DialogueReport } from "./run-dialogues.js";

/** Where the development corpus lives (beside the checkout, or beside a worktree's parent) unless REPORTS_DIR says otherwise. */
const DEFAULT_REPORTS_DIRS = ["../shared/datasets/reports", "../../shared/datasets/reports"];

/**
 * Runs `npm run eval -- dialogues`: every dialogue set in test/eval/dialogues/ through the
 * product's conversation services, each over its own corpus indexed in a temporary folder (the
 * shipped report, or the development files a set names; a set whose files are missing is
 * skipped with a note). Prints the rates and the turns that were not right; returns 0.
 */
export async function runDialoguesCommand(dependencies: {
  repoRoot: string;
  env: Record<string, string | undefined>;
  createServices: (config: Config) => Promise<KnowledgeServices>;
  print: (text: string) => void;
  /** Only sets whose file name contains this. */
  only?: string;
  /** Sends the dialogues another way (the bot behind the emulator). Default: the conversation services. */
  createDriver?: (services: KnowledgeServices, config: Config) => Promise<DialogueDriver & { close(): Promise<void> }>;
}): Promise<{ code: number; reports: DialogueReport[] }> {
  const folder = resolve(dependencies.repoRoot, "test/eval/dialogues");
  const files = (await readdir(folder)).filter((name) => name.endsWith(".json") && (!dependencies.only || name.includes(dependencies.only))).sort().reverse();
  const reports: DialogueReport[] = [];
  for (const file of files) {
    const set = await loadDialogueSet(join(folder, file));
    const documents = await documentsOf(set, dependencies);
    if (typeof documents === "string") {
      dependencies.print(`Dialogues (${set.corpus}): skipped, ${documents}`);
      continue;
    }
    const root = await mkdtemp(join(tmpdir(), "eval-dialogues-"));
    try {
      await mkdir(join(root, "knowledge"));
      for (const document of documents) await copyFile(document, join(root, "knowledge", basename(document)));
      const config = loadConfig({ ...dependencies.env, KNOWLEDGE_DIR: join(root, "knowledge"), DATA_DIR: join(root, "data") });
      const services = await dependencies.createServices(config);
      try {
        if (!services.conversation) throw new Error("the services keep no conversations (CONVERSATION_TURNS=0?)");
        const driver = dependencies.createDriver ? await dependencies.createDriver(services, config) : undefined;
        try {
          const report = await runDialogues({ set, conversation: driver ?? services.conversation });
          reports.push(report);
          dependencies.print(formatDialogueReport(report, { through: driver ? "the bot and the Bot API emulator" : "the conversation services" }));
          dependencies.print("");
        } finally {
          await driver?.close();
        }
      } finally {
        await services.close();
      }
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  }
  return { code: 0, reports };
}

async function documentsOf(set: DialogueSet, dependencies: { repoRoot: string; env: Record<string, string | undefined> }): Promise<string[] | string> {
  if (set.corpus === "shipped") {
    const knowledge = resolve(dependencies.repoRoot, "knowledge");
    return (await readdir(knowledge)).map((name) => join(knowledge, name));
  }
  const candidates = dependencies.env.REPORTS_DIR ? [dependencies.env.REPORTS_DIR] : DEFAULT_REPORTS_DIRS;
  let missing = "";
  for (const candidate of candidates) {
    const paths = (set.documents ?? []).map((name) => join(resolve(dependencies.repoRoot, candidate), name));
    const found = await Promise.all(paths.map((path) => stat(path).then(() => true, () => false)));
    if (found.every(Boolean)) return paths;
    missing ||= paths[found.indexOf(false)]!;
  }
  return `${missing} is not there (set REPORTS_DIR to the development corpus)`;
}
