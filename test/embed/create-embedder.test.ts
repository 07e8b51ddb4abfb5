import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { loadConfig } from "../../src/config.js";
import { createEmbedder } from "../../src/embed/create-embedder.js";
import { writeTinyModel, type TinyModel } from "../helpers/tiny-model.js";
import { embeddingsResponse, startEmbeddingsServer } from "./embeddings-server.js";

let root: string;
let tiny: TinyModel;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "create-embedder-"));
  tiny = await writeTinyModel(path.join(root, "models"));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Builds the embedder from env-style settings and returns it with every log record written. */
async function build(env: Record<string, string>) {
  const records: Array<{ level: number; msg: string }> = [];
  const logger = pino({ level: "trace" }, { write: (line: string) => void records.push(JSON.parse(line)) });
  const config = loadConfig(env);
  const embedder = await createEmbedder({ config: config.embeddings, llm: config.llm, logger });
  const infoLines = records.filter((record) => record.level >= 30).map((record) => record.msg);
  return { embedder, infoLines };
}

describe("createEmbedder", () => {
  it("auto without the model chooses lexical and says why in exactly one info line", async () => {
    const modelDir = path.join(root, "no-models");
    const { embedder, infoLines } = await build({ MODEL_DIR: modelDir });
    expect(embedder.id).toBe("lexical:hashed-ngrams-v2:512");
    expect(infoLines).toEqual([
      `embeddings: lexical (model Xenova/multilingual-e5-small not found in ${modelDir}; run npm run download-model to use it)`,
    ]);
  });

  it("auto with the model in MODEL_DIR chooses transformers, offline, in exactly one info line", async () => {
    const fetchSpy = vi.spyOn(globalThis, "fetch");
    try {
      const { embedder, infoLines } = await build({ MODEL_DIR: tiny.modelDir, EMBEDDING_MODEL: tiny.modelName });
      expect(embedder.id).toBe(`transformers:${tiny.modelName}:fp32`);
      expect(infoLines).toEqual([`embeddings: transformers (model ${tiny.modelName} found in ${tiny.modelDir})`]);
      expect(fetchSpy).not.toHaveBeenCalled();
    } finally {
      fetchSpy.mockRestore();
    }
  });

  it("EMBEDDINGS=transformers without the model throws model_missing instead of falling back", async () => {
    await expect(build({ EMBEDDINGS: "transformers", MODEL_DIR: path.join(root, "no-models") })).rejects.toMatchObject({
      name: "EmbeddingError",
      reason: "model_missing",
    });
  });

  it("EMBEDDINGS=lexical uses lexical even when the model is present", async () => {
    const { embedder } = await build({ EMBEDDINGS: "lexical", MODEL_DIR: tiny.modelDir, EMBEDDING_MODEL: tiny.modelName });
    expect(embedder.id).toBe("lexical:hashed-ngrams-v2:512");
  });

  it("EMBEDDINGS=openai uses OPENAI_BASE_URL, OPENAI_API_KEY and the embedding model settings", async () => {
    const server = await startEmbeddingsServer((request) => embeddingsResponse(request, () => [1, 2, 3, 4]));
    try {
      const { embedder } = await build({
        EMBEDDINGS: "openai",
        OPENAI_BASE_URL: server.baseUrl,
        OPENAI_API_KEY: "sk-local-test",
        OPENAI_EMBEDDING_MODEL: "bge-m3",
        OPENAI_EMBEDDING_DIMENSIONS: "4",
      });
      await embedder.embedQuery("增长多少");
      expect(embedder.id).toBe("openai:bge-m3:4");
      expect(server.requests[0]).toMatchObject({ model: "bge-m3", dimensions: 4, authorization: "Bearer sk-local-test" });
    } finally {
      await server.close();
    }
  });
});
