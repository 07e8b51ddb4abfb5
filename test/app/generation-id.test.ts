import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createKnowledgeServices, type AppServices } from "../../src/app/create-services.js";
import { loadConfig } from "../../src/config.js";
import { silentLogger } from "../../src/logger.js";
import { REPORT_PATH } from "../helpers/fake-services.js";

describe("the index generation of an answer", () => {
  let root: string;
  let services: AppServices;

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), "generation-id-"));
    const knowledgeDir = path.join(root, "knowledge");
    mkdirSync(knowledgeDir, { recursive: true });
    copyFileSync(REPORT_PATH, path.join(knowledgeDir, path.basename(REPORT_PATH)));
    const config = loadConfig({ KNOWLEDGE_DIR: knowledgeDir, DATA_DIR: path.join(root, "data"), EMBEDDINGS: "lexical", ANSWERER: "extractive" });
    services = await createKnowledgeServices({ config, logger: silentLogger() });
  }, 60_000);

  afterAll(async () => {
    await services?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it("is set on every answer (and so in `ask --json`) from the generation that answered it", async () => {
    const answer = await services.ask("2024年上半年全省规模以上工业增加值同比增长多少？");
    expect(answer.generationId).toBe(services.index()!.manifest.generationId);
    expect(services.currentGenerationId?.()).toBe(answer.generationId);
  });

  it("stays that of the generation a question started on when a re-index swaps generations meanwhile", async () => {
    const before = services.index()!.manifest.generationId;
    const asking = services.ask("六大优势产业增加值同比增长多少？");
    await services.reindex();
    expect((await asking).generationId).toBe(before);
    expect((await services.ask("六大优势产业增加值同比增长多少？")).generationId).toBe(services.index()!.manifest.generationId);
  }, 60_000);
});
