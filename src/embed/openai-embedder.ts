import OpenAI, { APIConnectionError, APIError } from "openai";
import { EmbeddingError } from "../errors.js";
import { embedInBatches } from "./embed-in-batches.js";
import { l2Normalize } from "./l2-normalize.js";
import type { Embedder } from "./types.js";

const DEFAULT_BASE_URL = "https://api.openai.com/v1";

/** Options for `createOpenAIEmbedder`. */
export interface OpenAIEmbedderOptions {
  /** Base URL of an OpenAI-compatible API, ending in /v1. Default https://api.openai.com/v1. */
  baseUrl?: string;
  /** Bearer key. Default: a placeholder, for local servers that need none. */
  apiKey?: string;
  /** Embedding model name, e.g. "text-embedding-3-small". */
  model: string;
  /** Requested vector length (sent as `dimensions`). Default: the model's own, learnt from a probe request. */
  dimensions?: number;
  /** Texts per request. */
  batchSize: number;
  /** Per-request timeout in milliseconds. Default 60000. */
  timeoutMs?: number;
  /** Retries on 408/409/429/5xx and connection errors, with backoff. Default 2. */
  maxRetries?: number;
}

/** Returns why a request failed, as an EmbeddingError naming the endpoint and the HTTP status. */
function requestError(error: unknown, baseUrl: string, model: string): EmbeddingError {
  if (error instanceof EmbeddingError) return error;
  let message: string;
  if (error instanceof APIConnectionError) message = `could not reach ${baseUrl}: ${error.message}`;
  else if (error instanceof APIError) message = `${baseUrl} answered HTTP ${error.status ?? "(none)"}: ${error.message}`;
  else message = `${baseUrl} failed: ${error instanceof Error ? error.message : String(error)}`;
  return new EmbeddingError(`Embedding request for model "${model}" failed: ${message}`, "request_failed", model, { cause: error });
}

/** Returns the vectors of an embeddings response in input order, or throws if its shape is wrong. */
function vectorsFromResponse(
  response: OpenAI.Embeddings.CreateEmbeddingResponse,
  expectedCount: number,
  expectedDimension: number | undefined,
  model: string,
): number[][] {
  const bad = (problem: string, reason: "bad_response" | "dimension_mismatch" = "bad_response") =>
    new EmbeddingError(`Embedding response for model "${model}" is unusable: ${problem}`, reason, model);
  const data: unknown = response?.data;
  if (!Array.isArray(data)) throw bad("it has no `data` array");
  if (data.length !== expectedCount) throw bad(`expected ${expectedCount} vectors, got ${data.length}`);
  const items = [...(data as OpenAI.Embeddings.Embedding[])].sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
  const dimension = expectedDimension ?? items[0]?.embedding?.length;
  return items.map((item, position) => {
    const embedding: unknown = item?.embedding;
    if (!Array.isArray(embedding) || embedding.length === 0 || !embedding.every((value) => Number.isFinite(value))) {
      throw bad(`vector ${position} is not a non-empty array of finite numbers`);
    }
    if (embedding.length !== dimension) {
      throw bad(`vector ${position} has ${embedding.length} dimensions, expected ${dimension}`, "dimension_mismatch");
    }
    if (!embedding.some((value) => value !== 0)) throw bad(`vector ${position} is all zeros`);
    return l2Normalize(embedding as number[]);
  });
}

/**
 * Returns an embedder backed by an OpenAI-compatible `/v1/embeddings` endpoint: batched,
 * L2-normalised, id `openai:<model>:<dimension>`. Without `dimensions` it sends one probe
 * request to learn the vector length.
 * @throws EmbeddingError "request_failed" (with the HTTP status), "bad_response" or
 *   "dimension_mismatch", from the probe here and from every later call.
 */
export async function createOpenAIEmbedder(options: OpenAIEmbedderOptions): Promise<Embedder> {
  const { model, dimensions } = options;
  const baseUrl = options.baseUrl ?? DEFAULT_BASE_URL;
  const client = new OpenAI({
    baseURL: baseUrl,
    apiKey: options.apiKey ?? "no-key",
    timeout: options.timeoutMs ?? 60_000,
    maxRetries: options.maxRetries ?? 2,
  });
  const request = async (input: string[], expectedDimension: number | undefined): Promise<number[][]> => {
    let response: OpenAI.Embeddings.CreateEmbeddingResponse;
    try {
      // "float" explicitly: the SDK otherwise asks for base64, which many compatible servers lack.
      response = await client.embeddings.create({
        model,
        // Compatible servers reject empty strings; a space embeds as "nothing" just the same.
        input: input.map((text) => (text === "" ? " " : text)),
        encoding_format: "float",
        ...(dimensions ? { dimensions } : {}),
      });
    } catch (error) {
      throw requestError(error, baseUrl, model);
    }
    return vectorsFromResponse(response, input.length, expectedDimension, model);
  };
  const dimension = dimensions ?? (await request(["probe"], undefined))[0]!.length;
  return {
    id: `openai:${model}:${dimension}`,
    dimension,
    embedDocuments: (texts, embedOptions) =>
      embedInBatches({
        texts,
        batchSize: options.batchSize,
        embedBatch: (batch) => request(batch, dimension),
        onProgress: embedOptions?.onProgress,
      }),
    embedQuery: async (text) => (await request([text], dimension))[0]!,
  };
}
