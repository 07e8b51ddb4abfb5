import type { FeatureExtractionPipeline, ProgressInfo } from "@huggingface/transformers";
import { EmbeddingError } from "../errors.js";
import type { Logger } from "../logger.js";
import { embedInBatches } from "./embed-in-batches.js";
import { formatPassage, formatQuery, resolveModelPreset, type ModelPreset } from "./model-presets.js";
import {
  findModelDtype,
  isTransformersModelAvailable,
  missingModelFiles,
  modelFolder,
  type ModelDtype,
} from "./transformers-model-files.js";
import type { Embedder } from "./types.js";

export { isTransformersModelAvailable } from "./transformers-model-files.js";

/** transformers.js's default hub, named in error messages. */
const DEFAULT_REMOTE_HOST = "https://huggingface.co/";

/** Options for `createTransformersEmbedder`. */
export interface TransformersEmbedderOptions {
  /** Hugging Face model id, e.g. "Xenova/multilingual-e5-small". */
  model: string;
  /** Folder holding `<model>/config.json`, `<model>/onnx/...`; downloads land here too. */
  modelDir: string;
  /** Fetch missing files from the hub (remoteHost). Default false in config: never touch the network. */
  allowDownload: boolean;
  /** Texts per forward pass. */
  batchSize: number;
  /** Receives one debug line when the model is loaded. Default: none. */
  logger?: Logger;
  /** Replaces fields of the model's preset (pooling, normalize, prefixes). Default: the preset. */
  preset?: Partial<ModelPreset>;
  /** ONNX precision to load. Default: the file on disk (fp32 before q8), else q8 when downloading. */
  dtype?: ModelDtype;
  /** Hub to download from, e.g. a mirror. Default https://huggingface.co/. */
  remoteHost?: string;
  /** Receives transformers.js file events (initiate, download, progress, done) while loading. */
  onLoadProgress?: (info: ProgressInfo) => void;
}

/** Returns the messages of `error` and its causes, e.g. "fetch failed: getaddrinfo ENOTFOUND huggingface.co". */
function describeErrorChain(error: unknown): string {
  const messages: string[] = [];
  for (let current = error, depth = 0; current !== undefined && depth < 5; depth++) {
    messages.push(current instanceof Error ? current.message : String(current));
    current = current instanceof Error ? current.cause : undefined;
  }
  return messages.join(": ");
}

function missingModelError(options: TransformersEmbedderOptions): EmbeddingError {
  const folder = modelFolder(options.model, options.modelDir);
  return new EmbeddingError(
    `Embedding model "${options.model}" was not found in ${folder} ` +
      `(missing ${missingModelFiles(options.model, options.modelDir).join(", ")}). ` +
      `Fetch it with \`npm run download-model\` on a machine with network access and copy ${options.modelDir} here, ` +
      `or set ALLOW_MODEL_DOWNLOAD=true to download it on first use, or use EMBEDDINGS=lexical.`,
    "model_missing",
    options.model,
    { folder },
  );
}

/** Returns the pooled, normalised vectors of a batch as plain arrays. */
async function runPipeline(extractor: FeatureExtractionPipeline, texts: string[], preset: ModelPreset): Promise<number[][]> {
  const output = await extractor(texts, { pooling: preset.pooling, normalize: preset.normalize });
  try {
    const [rows, dimension] = output.dims;
    if (output.dims.length !== 2 || rows !== texts.length || !dimension) {
      throw new Error(`expected pooled output of shape [${texts.length}, dimension], got [${output.dims.join(", ")}]`);
    }
    const data = output.data as Float32Array;
    return Array.from({ length: rows }, (_, row) => Array.from(data.subarray(row * dimension, (row + 1) * dimension)));
  } finally {
    output.dispose();
  }
}

/**
 * Returns an embedder running `model` through the @huggingface/transformers feature-extraction
 * pipeline from `modelDir`, with the model's pooling, normalisation and query/passage prefixes.
 * With `allowDownload` false it never touches the network.
 * @throws EmbeddingError "model_missing" when the files are not in `modelDir` and downloads are off;
 *   "load_failed" when loading, downloading or the first embedding fails.
 */
export async function createTransformersEmbedder(options: TransformersEmbedderOptions): Promise<Embedder> {
  const { model, modelDir, allowDownload } = options;
  const folder = modelFolder(model, modelDir);
  if (!allowDownload && !isTransformersModelAvailable(model, modelDir)) throw missingModelError(options);
  const preset = resolveModelPreset(model, options.preset);
  const dtype = options.dtype ?? findModelDtype(model, modelDir) ?? "q8";
  const started = performance.now();
  let extractor: FeatureExtractionPipeline;
  let dimension: number;
  try {
    // Imported lazily: it loads onnxruntime's native library, which lexical-only runs never need.
    const { env, pipeline } = await import("@huggingface/transformers");
    // transformers.js keeps these in one global; set them right before each load.
    env.allowLocalModels = true;
    env.allowRemoteModels = allowDownload;
    env.localModelPath = modelDir;
    // Downloads are cached as <cacheDir>/<model>/<file>: the same layout localModelPath reads.
    env.cacheDir = modelDir;
    if (options.remoteHost) env.remoteHost = options.remoteHost;
    extractor = await pipeline("feature-extraction", model, { dtype, progress_callback: options.onLoadProgress });
    const [probe] = await runPipeline(extractor, [formatPassage(preset, "probe")], preset);
    dimension = probe!.length;
  } catch (error) {
    const action = allowDownload
      ? `load or download embedding model "${model}" (folder ${folder}, hub ${options.remoteHost ?? DEFAULT_REMOTE_HOST})`
      : `load embedding model "${model}" from ${folder}`;
    throw new EmbeddingError(
      `Could not ${action}: ${describeErrorChain(error)}`,
      "load_failed",
      model,
      { cause: error, folder },
    );
  }
  options.logger?.debug(
    { model, dtype, folder, dimension, ms: Math.round(performance.now() - started) },
    "transformers embedding model loaded",
  );
  return {
    // The precision is part of the vector space: q8 and fp32 vectors of one model differ slightly.
    id: `transformers:${model}:${dtype}`,
    dimension,
    embedDocuments: (texts, embedOptions) =>
      embedInBatches({
        texts,
        batchSize: options.batchSize,
        embedBatch: (batch) => runPipeline(extractor, batch.map((text) => formatPassage(preset, text)), preset),
        onProgress: embedOptions?.onProgress,
      }),
    embedQuery: async (text) => {
      const [vector] = await runPipeline(extractor, [formatQuery(preset, text)], preset);
      return vector!;
    },
  };
}
