import { existsSync } from "node:fs";
import path from "node:path";

/** ONNX weight precisions we load, and the file name transformers.js reads for each. */
const ONNX_FILES = [
  { dtype: "fp32", file: "onnx/model.onnx" },
  { dtype: "q8", file: "onnx/model_quantized.onnx" },
] as const;

/** Files transformers.js reads, besides the ONNX weights, to build a feature-extraction pipeline. */
const REQUIRED_FILES = ["config.json", "tokenizer.json", "tokenizer_config.json"] as const;

/** Precision of the ONNX weights: full (`onnx/model.onnx`) or 8-bit (`onnx/model_quantized.onnx`). */
export type ModelDtype = (typeof ONNX_FILES)[number]["dtype"];

/**
 * Returns the folder transformers.js reads `model` from when `env.localModelPath` is
 * `modelDir` (it is also where downloads land, since the embedder sets the cache there too).
 */
export function modelFolder(model: string, modelDir: string): string {
  return path.join(modelDir, ...model.split("/"));
}

/**
 * Returns the dtype whose ONNX file is present for `model` under `modelDir` (full precision
 * first, then quantized), or undefined when there is none.
 */
export function findModelDtype(model: string, modelDir: string): ModelDtype | undefined {
  const folder = modelFolder(model, modelDir);
  return ONNX_FILES.find(({ file }) => existsSync(path.join(folder, file)))?.dtype;
}

/**
 * Returns true when everything the feature-extraction pipeline loads for `model` is on disk
 * under `modelDir`: config.json, tokenizer.json, tokenizer_config.json and an ONNX file
 * (onnx/model.onnx or onnx/model_quantized.onnx). Never touches the network.
 */
export function isTransformersModelAvailable(model: string, modelDir: string): boolean {
  const folder = modelFolder(model, modelDir);
  return REQUIRED_FILES.every((file) => existsSync(path.join(folder, file))) && findModelDtype(model, modelDir) !== undefined;
}

/** Returns the paths (relative to the model folder) missing for `model` under `modelDir`. */
export function missingModelFiles(model: string, modelDir: string): string[] {
  const folder = modelFolder(model, modelDir);
  const missing: string[] = REQUIRED_FILES.filter((file) => !existsSync(path.join(folder, file)));
  if (findModelDtype(model, modelDir) === undefined) missing.push(ONNX_FILES.map(({ file }) => file).join(" or "));
  return missing;
}
