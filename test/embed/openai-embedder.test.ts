import { afterEach, describe, expect, it } from "vitest";
import { createOpenAIEmbedder } from "../../src/embed/openai-embedder.js";
import { EmbeddingError } from "../../src/errors.js";
import { embeddingsResponse, startEmbeddingsServer, type EmbeddingsServer } from "./embeddings-server.js";

const norm = (vector: number[]) => Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0));
// Unnormalised on purpose: [3, 4, 0] has length 5.
const threeFourZero = () => [3, 4, 0];

let server: EmbeddingsServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const connect = (baseUrl: string, overrides: Partial<Parameters<typeof createOpenAIEmbedder>[0]> = {}) =>
  createOpenAIEmbedder({ baseUrl, apiKey: "sk-test", model: "embed-test", batchSize: 2, maxRetries: 0, ...overrides });

describe("createOpenAIEmbedder", () => {
  it("learns the dimension from one probe request and names the space by model and dimension", async () => {
    server = await startEmbeddingsServer((request) => embeddingsResponse(request, threeFourZero));
    const embedder = await connect(server.baseUrl);
    expect(embedder.dimension).toBe(3);
    expect(embedder.id).toBe("openai:embed-test:3");
    expect(server.requests).toHaveLength(1);
  });

  it("sends 5 texts as 3 requests of at most 2 and reports progress after each", async () => {
    server = await startEmbeddingsServer((request) => embeddingsResponse(request, threeFourZero));
    const embedder = await connect(server.baseUrl, { dimensions: 3 });
    const progress: number[] = [];
    const vectors = await embedder.embedDocuments(["一", "二", "三", "四", "五"], { onProgress: (done) => progress.push(done) });
    expect(vectors).toHaveLength(5);
    expect(server.requests.map((request) => request.input)).toEqual([["一", "二"], ["三", "四"], ["五"]]);
    expect(progress).toEqual([2, 4, 5]);
  });

  it("sends model, dimensions, float encoding and the bearer key", async () => {
    server = await startEmbeddingsServer((request) => embeddingsResponse(request, () => [1, 0, 0, 0]));
    const embedder = await connect(server.baseUrl, { dimensions: 4 });
    await embedder.embedQuery("增长多少");
    expect(server.requests[0]).toMatchObject({
      model: "embed-test",
      input: ["增长多少"],
      dimensions: 4,
      encoding_format: "float",
      authorization: "Bearer sk-test",
    });
  });

  it("L2-normalises the vectors it receives", async () => {
    server = await startEmbeddingsServer((request) => embeddingsResponse(request, threeFourZero));
    const embedder = await connect(server.baseUrl, { dimensions: 3 });
    const [vector] = await embedder.embedDocuments(["同比增长6.2%"]);
    expect(vector![0]).toBeCloseTo(0.6, 10);
    expect(vector![1]).toBeCloseTo(0.8, 10);
    expect(norm(vector!)).toBeCloseTo(1, 10);
  });

  it("puts vectors back in input order when the server returns them shuffled", async () => {
    server = await startEmbeddingsServer((request) => {
      const answer = embeddingsResponse(request, (_text, index) => [index + 1, 1]);
      (answer.body as { data: unknown[] }).data.reverse();
      return answer;
    });
    const embedder = await connect(server.baseUrl, { dimensions: 2, batchSize: 4 });
    const vectors = await embedder.embedDocuments(["a", "b"]);
    expect(vectors[0]![0]).toBeCloseTo(1 / Math.sqrt(2), 10);
    expect(vectors[1]![0]).toBeCloseTo(2 / Math.sqrt(5), 10);
  });

  it("throws request_failed with the HTTP status when the server answers 500", async () => {
    server = await startEmbeddingsServer(() => ({ status: 500, body: { error: { message: "model crashed" } } }));
    const error = await connect(server.baseUrl).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EmbeddingError);
    expect((error as EmbeddingError).reason).toBe("request_failed");
    expect((error as EmbeddingError).message).toContain("HTTP 500");
    expect((error as EmbeddingError).message).toContain("embed-test");
  });

  it("throws bad_response when the server returns fewer vectors than texts", async () => {
    server = await startEmbeddingsServer((request) => embeddingsResponse({ ...request, input: request.input.slice(1) }, threeFourZero));
    const embedder = await connect(server.baseUrl, { dimensions: 3 });
    await expect(embedder.embedDocuments(["a", "b"])).rejects.toMatchObject({ reason: "bad_response", message: expect.stringContaining("expected 2 vectors, got 1") });
  });

  it("throws dimension_mismatch when a vector's length differs from the embedder's dimension", async () => {
    server = await startEmbeddingsServer((request) => embeddingsResponse(request, () => [1, 2]));
    const embedder = await connect(server.baseUrl, { dimensions: 3 });
    await expect(embedder.embedQuery("a")).rejects.toMatchObject({ reason: "dimension_mismatch" });
  });

  it("throws request_failed naming the endpoint when nothing listens there", async () => {
    server = await startEmbeddingsServer((request) => embeddingsResponse(request, threeFourZero));
    const deadUrl = server.baseUrl;
    await server.close();
    server = undefined;
    const error = await connect(deadUrl).catch((caught: unknown) => caught);
    expect((error as EmbeddingError).reason).toBe("request_failed");
    expect((error as EmbeddingError).message).toContain(deadUrl);
  });
});
