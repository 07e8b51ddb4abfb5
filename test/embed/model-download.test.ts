import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTransformersEmbedder, isTransformersModelAvailable } from "../../src/embed/transformers-embedder.js";
import { writeTinyModel, type TinyModel } from "../helpers/tiny-model.js";

let root: string;
let source: TinyModel;
let hub: Server;
let hubUrl: string;
const requested: string[] = [];

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "model-download-"));
  source = await writeTinyModel(path.join(root, "hub-files"), { quantizedFileName: true });
  // Serves files the way the Hugging Face hub does: /<model>/resolve/<revision>/<file>.
  hub = createServer(async (request, response) => {
    requested.push(request.url ?? "");
    const match = /^\/(.+)\/resolve\/main\/(.+)$/u.exec(decodeURIComponent(request.url ?? ""));
    try {
      if (!match) throw new Error("bad path");
      const body = await readFile(path.join(source.modelDir, match[1]!, match[2]!));
      response.writeHead(200, { "content-length": body.length }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => hub.listen(0, "127.0.0.1", resolve));
  hubUrl = `http://127.0.0.1:${(hub.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  hub.closeAllConnections();
  await new Promise((resolve) => hub.close(resolve));
  await rm(root, { recursive: true, force: true });
});

describe("createTransformersEmbedder with downloads allowed", () => {
  it("downloads into MODEL_DIR in the layout it later loads offline from", async () => {
    const modelDir = path.join(root, "models");
    expect(isTransformersModelAvailable(source.modelName, modelDir)).toBe(false);
    const downloaded = await createTransformersEmbedder({
      model: source.modelName,
      modelDir,
      allowDownload: true,
      batchSize: 4,
      remoteHost: hubUrl,
    });
    expect(requested).toContain(`/${source.modelName}/resolve/main/onnx/model_quantized.onnx`);
    expect(isTransformersModelAvailable(source.modelName, modelDir)).toBe(true);

    const requestsBefore = requested.length;
    const offline = await createTransformersEmbedder({ model: source.modelName, modelDir, allowDownload: false, batchSize: 4 });
    expect(requested).toHaveLength(requestsBefore);
    expect(await offline.embedQuery("增长")).toEqual(await downloaded.embedQuery("增长"));
  });
});
