/**
 * The shipped report behind the product's services (offline: lexical embeddings, extractive
 * answers), in a temporary folder per test file, for conversation tests.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll } from "vitest";
import { createKnowledgeServices, type AppServices } from "../../src/app/create-services.js";
import { loadConfig } from "../../src/config.js";
import { silentLogger } from "../../src/logger.js";

const repoRoot = resolve(import.meta.dirname, "../..");

/** Registers hooks that build the services; returns a getter for them. */
export function useShippedServices(prefix: string, env: Record<string, string> = {}): () => AppServices {
  let root = "";
  let services: AppServices | undefined;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), prefix));
    mkdirSync(join(root, "knowledge"));
    cpSync(join(repoRoot, "knowledge/sichuan-industry-report.txt"), join(root, "knowledge/sichuan-industry-report.txt"));
    services = await createKnowledgeServices({
      config: loadConfig({ KNOWLEDGE_DIR: join(root, "knowledge"), DATA_DIR: join(root, "data"), EMBEDDINGS: "lexical", ANSWERER: "extractive", ...env }),
      logger: silentLogger(),
    });
  }, 120_000);
  afterAll(async () => {
    await services?.close();
    rmSync(root, { recursive: true, force: true });
  });
  return () => {
    if (!services) throw new Error("services are built in beforeAll");
    return services;
  };
}
