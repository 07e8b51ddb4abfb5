/**
 * The shipped report behind the product's services exactly as the terminal chat runs them
 * offline (lexical embeddings, the extractive answerer with its fitted decision), in a temporary
 * folder per test file; other settings (a model endpoint) can be layered on.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { afterAll, beforeAll, expect } from "vitest";
import type { Answer } from "../../src/answer/types.js";
import { createKnowledgeServices, type AppServices } from "../../src/app/create-services.js";
import { loadConfig } from "../../src/config.js";
import { silentLogger } from "../../src/logger.js";

const repoRoot = resolve(import.meta.dirname, "../..");

/**
 * Registers beforeAll/afterAll hooks that build the services over a copy of the shipped report
 * and remove them afterwards. `env` adds or overrides settings; it is read when the services
 * are built, so it may use a server a beforeAll registered earlier has started. Returns `ask`
 * and `answered` (which requires the answer to be answered with at least one citation, every
 * one verified).
 */
export function useShippedReportServices(
  folderPrefix: string,
  options: { env?: (root: string) => Record<string, string>; /** More documents beside the report (paths from the repository root). */ extraFiles?: string[] } = {},
): {
  ask: (question: string, askOptions?: Parameters<AppServices["ask"]>[1]) => Promise<Answer>;
  answered: (question: string) => Promise<Answer>;
} {
  let root = "";
  let services: AppServices | undefined;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), folderPrefix));
    mkdirSync(join(root, "knowledge"));
    cpSync(join(repoRoot, "knowledge/sichuan-industry-report.txt"), join(root, "knowledge/sichuan-industry-report.txt"));
    for (const file of options.extraFiles ?? []) cpSync(join(repoRoot, file), join(root, "knowledge", basename(file)));
    services = await createKnowledgeServices({
      config: loadConfig({
        KNOWLEDGE_DIR: join(root, "knowledge"),
        DATA_DIR: join(root, "data"),
        EMBEDDINGS: "lexical",
        ANSWERER: "extractive",
        ...options.env?.(root),
      }),
      logger: silentLogger(),
    });
  });
  afterAll(async () => {
    await services?.close();
    rmSync(root, { recursive: true, force: true });
  });
  const ask = (question: string, askOptions?: Parameters<AppServices["ask"]>[1]) => {
    if (!services) throw new Error("services are built in beforeAll");
    return services.ask(question, askOptions);
  };
  const answered = async (question: string) => {
    const answer = await ask(question);
    expect(answer.status).toBe("answered");
    expect(answer.citations.length).toBeGreaterThan(0);
    expect(answer.citations.every((citation) => citation.verified)).toBe(true);
    return answer;
  };
  return { ask, answered };
}
