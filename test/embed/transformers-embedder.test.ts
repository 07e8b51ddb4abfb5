import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";
import { createTransformersEmbedder, isTransformersModelAvailable } from "../../src/embed/transformers-embedder.js";
import { EmbeddingError } from "../../src/errors.js";
import { writeTinyModel, type TinyModel } from "../helpers/tiny-model.js";

const TEXTS = ["规模以上工业增加值", "同比增长6.2%", "上半年国内生产总值", "the report", "增加值多少"];
const norm = (vector: number[]) => Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0));

let root: string;
let tiny: TinyModel;
let fetchSpy: MockInstance<typeof fetch>;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "transformers-embedder-"));
  tiny = await writeTinyModel(path.join(root, "models"));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});
beforeEach(() => {
  fetchSpy = vi.spyOn(globalThis, "fetch").mockImplementation(async (input) => {
    throw new Error(`test tried to reach the network: ${String(input)}`);
  });
});
afterEach(() => {
  // Offline means offline: not one request, not even a failed one.
  expect(fetchSpy).not.toHaveBeenCalled();
  fetchSpy.mockRestore();
});

const load = (overrides: Partial<Parameters<typeof createTransformersEmbedder>[0]> = {}) =>
  createTransformersEmbedder({
    model: tiny.modelName,
    modelDir: tiny.modelDir,
    allowDownload: false,
    batchSize: 2,
    ...overrides,
  });

describe("createTransformersEmbedder with the tiny model", () => {
  it("loads offline and reads its dimension from a probe embedding", async () => {
    const embedder = await load();
    expect(embedder.id).toBe(`transformers:${tiny.modelName}:fp32`);
    expect(embedder.dimension).toBe(tiny.dimension);
  });

  it("embeds 5 texts in batches of 2 and reports progress after each batch", async () => {
    const embedder = await load();
    const progress: Array<[number, number]> = [];
    const vectors = await embedder.embedDocuments(TEXTS, { onProgress: (done, total) => progress.push([done, total]) });
    expect(vectors).toHaveLength(5);
    expect(progress).toEqual([
      [2, 5],
      [4, 5],
      [5, 5],
    ]);
  });

  it("returns plain, L2-normalised arrays of the model's dimension", async () => {
    const embedder = await load();
    const vectors = [...(await embedder.embedDocuments(TEXTS)), await embedder.embedQuery("增长多少")];
    for (const vector of vectors) {
      expect(Array.isArray(vector)).toBe(true);
      expect(vector).toHaveLength(tiny.dimension);
      expect(norm(vector)).toBeCloseTo(1, 5);
    }
  });

  it("mean-pools over real tokens only, so padding in a batch does not change a vector", async () => {
    const embedder = await load();
    const [alone] = await embedder.embedDocuments(["增长"]);
    const [padded] = await embedder.embedDocuments(["增长", "规模以上工业增加值同比增长6.2%"]);
    padded!.forEach((value, i) => expect(value).toBeCloseTo(alone![i]!, 5));
  });

  it("CLS pooling takes the first token, which is [CLS] for every text", async () => {
    const embedder = await load({ preset: { pooling: "cls" } });
    const [first, second] = await embedder.embedDocuments(["规模以上", "同比增长6.2%"]);
    expect(first).toEqual(second);
  });

  it("applies the known model's query and passage prefixes (multilingual-e5: query: / passage:)", async () => {
    const e5 = await writeTinyModel(path.join(root, "e5-models"), { modelName: "Xenova/multilingual-e5-small" });
    const withPreset = await load({ model: e5.modelName, modelDir: e5.modelDir });
    const bare = await load({ model: e5.modelName, modelDir: e5.modelDir, preset: { queryPrefix: "", passagePrefix: "" } });
    const [queryAsSeen, passageAsSeen] = await bare.embedDocuments(["query: 增长", "passage: 增长"]);
    expect(await withPreset.embedQuery("增长")).toEqual(queryAsSeen);
    expect((await withPreset.embedDocuments(["增长"]))[0]).toEqual(passageAsSeen);
    expect(queryAsSeen).not.toEqual(passageAsSeen);
  });

  it("loads the quantized file (onnx/model_quantized.onnx) when that is the one present", async () => {
    const quantized = await writeTinyModel(path.join(root, "q8-models"), { quantizedFileName: true, dimension: 12 });
    expect(isTransformersModelAvailable(quantized.modelName, quantized.modelDir)).toBe(true);
    const embedder = await load({ modelDir: quantized.modelDir });
    expect(embedder.dimension).toBe(12);
  });
});

describe("createTransformersEmbedder without the model", () => {
  it("throws model_missing naming the model, the folder and how to fetch it", async () => {
    const modelDir = path.join(root, "empty-models");
    const error = await load({ model: "Xenova/multilingual-e5-small", modelDir }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EmbeddingError);
    const embeddingError = error as EmbeddingError;
    expect(embeddingError.reason).toBe("model_missing");
    expect(embeddingError.folder).toBe(path.join(modelDir, "Xenova", "multilingual-e5-small"));
    expect(embeddingError.message).toContain("Xenova/multilingual-e5-small");
    expect(embeddingError.message).toContain(path.join(modelDir, "Xenova", "multilingual-e5-small"));
    expect(embeddingError.message).toContain("npm run download-model");
    expect(embeddingError.message).toContain("ALLOW_MODEL_DOWNLOAD=true");
  });

  it("throws load_failed with the cause when the ONNX file is corrupt", async () => {
    const broken = await writeTinyModel(path.join(root, "broken-models"));
    await writeFile(path.join(broken.modelDir, broken.modelName, "onnx", "model.onnx"), "not an onnx graph");
    const error = await load({ modelDir: broken.modelDir }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EmbeddingError);
    expect((error as EmbeddingError).reason).toBe("load_failed");
    expect((error as EmbeddingError).message).toContain(tiny.modelName);
  });
});

describe("createTransformersEmbedder with downloads allowed but no network", () => {
  it("asks the hub for a missing model (so the fetch spy above really guards the offline tests) and reports a failed download as load_failed", async () => {
    const error = await load({ model: "Xenova/multilingual-e5-small", modelDir: path.join(root, "download-models"), allowDownload: true }).catch(
      (caught: unknown) => caught,
    );
    expect(fetchSpy).toHaveBeenCalled();
    expect(String(fetchSpy.mock.calls[0]![0])).toContain("Xenova/multilingual-e5-small");
    expect((error as EmbeddingError).reason).toBe("load_failed");
    expect((error as EmbeddingError).message).toContain("test tried to reach the network");
    fetchSpy.mockClear();
  });
});

describe("isTransformersModelAvailable", () => {
  it("is true for a complete model folder and false for an empty one", () => {
    expect(isTransformersModelAvailable(tiny.modelName, tiny.modelDir)).toBe(true);
    expect(isTransformersModelAvailable(tiny.modelName, path.join(root, "nowhere"))).toBe(false);
  });
});
