import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import { createLexicalEmbedder } from "./lexical-embedder.js";
import { createTransformersEmbedder } from "./transformers-embedder.js";
import { isTransformersModelAvailable } from "./transformers-model-files.js";
import type { Embedder } from "./types.js";

/** Options for `createEmbedder`. */
export interface CreateEmbedderOptions {
  /** Which embedder and how to configure it (EMBEDDINGS, EMBEDDING_MODEL, MODEL_DIR, ...). */
  config: Config["embeddings"];
  /** OpenAI-compatible endpoint and key, used when `config.kind` is "openai". */
  llm: Config["llm"];
  /** Receives exactly one info line saying which embedder was chosen and why. */
  logger: Logger;
}

/**
 * Returns the configured embedder. `auto` uses transformers when the model is in MODEL_DIR (or
 * may be downloaded) and lexical otherwise; every choice is logged as one info line.
 * @throws EmbeddingError from the chosen implementation, e.g. "model_missing" for
 *   EMBEDDINGS=transformers without the model, "request_failed" for an unreachable endpoint.
 */
export async function createEmbedder(options: CreateEmbedderOptions): Promise<Embedder> {
  const { config, llm, logger } = options;
  const transformers = () =>
    createTransformersEmbedder({
      model: config.model,
      modelDir: config.modelDir,
      allowDownload: config.allowDownload,
      batchSize: config.batchSize,
      logger,
    });
  switch (config.kind) {
    case "lexical":
      logger.info("embeddings: lexical (EMBEDDINGS=lexical)");
      return createLexicalEmbedder();
    case "transformers": {
      const embedder = await transformers();
      logger.info(`embeddings: transformers (model ${config.model} from ${config.modelDir}, EMBEDDINGS=transformers)`);
      return embedder;
    }
    case "openai": {
      // Imported here: the openai client is ~150 modules and ~13 MB that the other embedders never need.
      const { createOpenAIEmbedder } = await import("./openai-embedder.js");
      const embedder = await createOpenAIEmbedder({
        baseUrl: llm.baseUrl,
        apiKey: llm.apiKey,
        model: config.openaiModel,
        dimensions: config.openaiDimensions,
        batchSize: config.batchSize,
        timeoutMs: llm.timeoutMs,
        maxRetries: llm.maxRetries,
      });
      logger.info(`embeddings: openai (model ${config.openaiModel} at ${llm.baseUrl ?? "api.openai.com"}, EMBEDDINGS=openai)`);
      return embedder;
    }
    case "auto": {
      if (isTransformersModelAvailable(config.model, config.modelDir)) {
        const embedder = await transformers();
        logger.info(`embeddings: transformers (model ${config.model} found in ${config.modelDir})`);
        return embedder;
      }
      if (config.allowDownload) {
        const embedder = await transformers();
        logger.info(
          `embeddings: transformers (model ${config.model} was not in ${config.modelDir}; downloaded it because ALLOW_MODEL_DOWNLOAD=true)`,
        );
        return embedder;
      }
      logger.info(
        `embeddings: lexical (model ${config.model} not found in ${config.modelDir}; run npm run download-model to use it)`,
      );
      return createLexicalEmbedder();
    }
  }
}
