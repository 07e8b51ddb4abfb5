// `npm run download-model -- [--model NAME] [--dtype q8|fp32] [--remote-host URL]`: fetches the
// embedding model into MODEL_DIR so the bot runs offline; copy that folder to air-gapped machines.
import "dotenv/config";
import cliProgress from "cli-progress";
import type { ProgressInfo } from "@huggingface/transformers";
import { parseArgs } from "../src/cli/parse-args.js";
import { runCli } from "../src/cli/run-cli.js";
import { loadConfig } from "../src/config.js";
import { createTransformersEmbedder } from "../src/embed/transformers-embedder.js";
import { findModelDtype, isTransformersModelAvailable, modelFolder, type ModelDtype } from "../src/embed/transformers-model-files.js";
import { EmbeddingError } from "../src/errors.js";

const DTYPES: readonly ModelDtype[] = ["q8", "fp32"];

/** Returns a transformers.js load-progress callback that draws one bar per downloaded file. */
function createDownloadBars(): { onLoadProgress: (info: ProgressInfo) => void; stop: () => void } {
  const multiBar = new cliProgress.MultiBar(
    { format: "{file} [{bar}] {percentage}% {loadedMb}/{totalMb} MB", hideCursor: true, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
  const bars = new Map<string, cliProgress.SingleBar>();
  const megabytes = (bytes: number) => (bytes / 1_048_576).toFixed(1);
  return {
    onLoadProgress: (info) => {
      if (info.status !== "progress") return;
      const payload = { file: info.file, loadedMb: megabytes(info.loaded), totalMb: megabytes(info.total) };
      let bar = bars.get(info.file);
      if (!bar) bars.set(info.file, (bar = multiBar.create(Math.max(info.total, 1), 0, payload)));
      bar.setTotal(Math.max(info.total, 1));
      bar.update(info.loaded, payload);
    },
    stop: () => multiBar.stop(),
  };
}

runCli(async () => {
  const args = parseArgs(process.argv.slice(2), ["model", "dtype", "remote-host"]);
  const config = loadConfig(process.env);
  const model = args.values.get("model") ?? config.embeddings.model;
  const { modelDir } = config.embeddings;
  const folder = modelFolder(model, modelDir);
  const dtype = args.values.get("dtype") ?? "q8";
  if (!DTYPES.includes(dtype as ModelDtype)) throw new Error(`--dtype must be one of ${DTYPES.join(", ")}, got "${dtype}"`);
  if (isTransformersModelAvailable(model, modelDir) && findModelDtype(model, modelDir) === dtype) {
    process.stdout.write(`${model} is already in ${folder}; nothing to download.\n`);
    return 0;
  }
  const remoteHost = args.values.get("remote-host");
  process.stdout.write(`Downloading ${model} (${dtype}) from ${remoteHost ?? "https://huggingface.co"} into ${folder} ...\n`);
  const bars = createDownloadBars();
  try {
    const embedder = await createTransformersEmbedder({
      model,
      modelDir,
      allowDownload: true,
      batchSize: 1,
      dtype: dtype as ModelDtype,
      remoteHost,
      onLoadProgress: bars.onLoadProgress,
    });
    bars.stop();
    process.stdout.write(
      `Done: ${model}, ${embedder.dimension}-dimensional, in ${folder}.\n` +
        `For an offline machine, copy ${modelDir} there and point MODEL_DIR at it; EMBEDDINGS=auto will pick it up.\n`,
    );
    return 0;
  } catch (error) {
    bars.stop();
    if (error instanceof EmbeddingError) {
      throw new EmbeddingError(
        `${error.message}\nCheck this machine can reach the model hub, or pass --remote-host with a mirror ` +
          `(e.g. --remote-host https://hf-mirror.com/), or download on another machine and copy ${modelDir} here.`,
        "load_failed",
        model,
        { cause: error, folder },
      );
    }
    throw error;
  }
});
