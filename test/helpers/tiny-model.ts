/**
 * Writes a tiny BERT-shaped model folder at test time that the real @huggingface/transformers
 * feature-extraction pipeline loads offline: a one-node ONNX graph (a Gather over a token
 * embedding table), a WordPiece tokenizer.json and a config.json. Its numbers mean nothing;
 * loading, batching, pooling, normalisation and offline behaviour are what tests check.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import onnxProto from "onnx-proto";

const { onnx } = onnxProto;

const SPECIAL_TOKENS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"] as const;
const WORD_TOKENS = [
  "query", ":", "passage", "the", "report", "growth", "industry", "value", "what", "is", "%", ".", "？", "，", "。",
  "2", "4", "6", "0", "1",
];
const CJK_TOKENS = [..."规模以上工业增加值同比增长上半年国内生产总值亿元为这个句子生成表示用于检索相关文章：多少"];

/** What `writeTinyModel` wrote and how to load it. */
export interface TinyModel {
  /** Model id to pass to the pipeline; the files live at `${modelDir}/${modelName}/`. */
  modelName: string;
  /** Folder to use as `env.localModelPath` (the embedder's `modelDir`). */
  modelDir: string;
  /** Width of every token vector (and of pooled embeddings). */
  dimension: number;
}

/** Options for `writeTinyModel`. */
export interface TinyModelOptions {
  /** Model id, e.g. "tiny/bert-zh". Default "test-org/tiny-bert". */
  modelName?: string;
  /** Hidden size. Default 8. */
  dimension?: number;
  /** Write `onnx/model_quantized.onnx` instead of `onnx/model.onnx`. Default false. */
  quantizedFileName?: boolean;
}

/** Returns the vocabulary (token to id) of the tiny WordPiece tokenizer. */
function buildVocab(): Record<string, number> {
  const tokens = [...SPECIAL_TOKENS, ...WORD_TOKENS, ...new Set(CJK_TOKENS)];
  return Object.fromEntries([...new Set(tokens)].map((token, id) => [token, id]));
}

/** Returns the bytes of an ONNX model: last_hidden_state = Gather(embeddings, input_ids). */
export function buildTinyOnnxModel(vocabSize: number, dimension: number): Uint8Array {
  const table = new Float32Array(vocabSize * dimension);
  // Deterministic, distinct rows; the values only need to be finite and not all equal.
  for (let i = 0; i < table.length; i++) table[i] = Math.sin(i * 12.9898 + 1.2345) * 0.5;
  const dynamic = (...names: Array<string | number>) => ({
    dim: names.map((name) => (typeof name === "number" ? { dimValue: name } : { dimParam: name })),
  });
  const int64Input = (name: string) => ({
    name,
    type: { tensorType: { elemType: onnx.TensorProto.DataType.INT64, shape: dynamic("batch", "sequence") } },
  });
  const graph = onnx.GraphProto.create({
    name: "tiny-bert",
    node: [
      onnx.NodeProto.create({
        opType: "Gather",
        input: ["embeddings", "input_ids"],
        output: ["last_hidden_state"],
        attribute: [{ name: "axis", type: onnx.AttributeProto.AttributeType.INT, i: 0 }],
      }),
    ],
    initializer: [
      onnx.TensorProto.create({
        name: "embeddings",
        dims: [vocabSize, dimension],
        dataType: onnx.TensorProto.DataType.FLOAT,
        rawData: new Uint8Array(table.buffer),
      }),
    ],
    // attention_mask and token_type_ids are declared like a real BERT export but left unused.
    input: [int64Input("input_ids"), int64Input("attention_mask"), int64Input("token_type_ids")],
    output: [
      {
        name: "last_hidden_state",
        type: {
          tensorType: {
            elemType: onnx.TensorProto.DataType.FLOAT,
            shape: dynamic("batch", "sequence", dimension),
          },
        },
      },
    ],
  });
  const model = onnx.ModelProto.create({
    irVersion: 8,
    producerName: "tiny-model-test-helper",
    opsetImport: [{ domain: "", version: 13 }],
    graph,
  });
  return onnx.ModelProto.encode(model).finish();
}

/** Returns a Hugging Face tokenizer.json for a BERT-style WordPiece tokenizer over `vocab`. */
function buildTokenizerJson(vocab: Record<string, number>): unknown {
  const special = (token: string) => ({
    id: vocab[token],
    content: token,
    single_word: false,
    lstrip: false,
    rstrip: false,
    normalized: false,
    special: true,
  });
  const cls = { SpecialToken: { id: "[CLS]", type_id: 0 } };
  const sep = { SpecialToken: { id: "[SEP]", type_id: 0 } };
  return {
    version: "1.0",
    truncation: null,
    padding: null,
    added_tokens: SPECIAL_TOKENS.map(special),
    // handle_chinese_chars puts spaces around every CJK character, so each becomes its own token.
    normalizer: { type: "BertNormalizer", clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
    pre_tokenizer: { type: "BertPreTokenizer" },
    post_processor: {
      type: "TemplateProcessing",
      single: [cls, { Sequence: { id: "A", type_id: 0 } }, sep],
      pair: [cls, { Sequence: { id: "A", type_id: 0 } }, sep, { Sequence: { id: "B", type_id: 1 } }, { SpecialToken: { id: "[SEP]", type_id: 1 } }],
      special_tokens: {
        "[CLS]": { id: "[CLS]", ids: [vocab["[CLS]"]], tokens: ["[CLS]"] },
        "[SEP]": { id: "[SEP]", ids: [vocab["[SEP]"]], tokens: ["[SEP]"] },
      },
    },
    decoder: { type: "WordPiece", prefix: "##", cleanup: true },
    model: {
      type: "WordPiece",
      unk_token: "[UNK]",
      continuing_subword_prefix: "##",
      max_input_chars_per_word: 100,
      vocab,
    },
  };
}

/**
 * Writes the tiny model under `${dir}/${modelName}/` (config.json, tokenizer.json,
 * tokenizer_config.json, onnx/model.onnx) and returns how to load it. Never touches the network.
 */
export async function writeTinyModel(dir: string, options: TinyModelOptions = {}): Promise<TinyModel> {
  const modelName = options.modelName ?? "test-org/tiny-bert";
  const dimension = options.dimension ?? 8;
  const vocab = buildVocab();
  const vocabSize = Object.keys(vocab).length;
  const folder = path.join(dir, modelName);
  await mkdir(path.join(folder, "onnx"), { recursive: true });
  const config = {
    model_type: "bert",
    architectures: ["BertModel"],
    hidden_size: dimension,
    num_hidden_layers: 1,
    num_attention_heads: 1,
    intermediate_size: dimension,
    vocab_size: vocabSize,
    max_position_embeddings: 128,
    type_vocab_size: 2,
    pad_token_id: vocab["[PAD]"],
  };
  const tokenizerConfig = {
    tokenizer_class: "BertTokenizer",
    do_lower_case: true,
    model_max_length: 128,
    cls_token: "[CLS]",
    sep_token: "[SEP]",
    pad_token: "[PAD]",
    unk_token: "[UNK]",
    mask_token: "[MASK]",
    clean_up_tokenization_spaces: true,
  };
  const onnxFile = options.quantizedFileName ? "model_quantized.onnx" : "model.onnx";
  await Promise.all([
    writeFile(path.join(folder, "config.json"), JSON.stringify(config, null, 2)),
    writeFile(path.join(folder, "tokenizer.json"), JSON.stringify(buildTokenizerJson(vocab))),
    writeFile(path.join(folder, "tokenizer_config.json"), JSON.stringify(tokenizerConfig, null, 2)),
    writeFile(path.join(folder, "onnx", onnxFile), buildTinyOnnxModel(vocabSize, dimension)),
  ]);
  return { modelName, modelDir: dir, dimension };
}
