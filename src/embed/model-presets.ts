/** How a sentence-embedding model turns token vectors into one vector, and what it expects as input. */
export interface ModelPreset {
  /** Token pooling: mean over the attention mask, or the first ([CLS]) token. */
  pooling: "mean" | "cls";
  /** Whether to L2-normalise the pooled vector (always true for cosine search). */
  normalize: boolean;
  /** Prepended to every question. */
  queryPrefix: string;
  /** Prepended to every indexed passage. */
  passagePrefix: string;
}

/**
 * Presets for models we know, taken from their model cards. Unknown models get
 * `DEFAULT_PRESET`.
 */
export const MODEL_PRESETS: Readonly<Record<string, ModelPreset>> = {
  // 384-d; trained with these prefixes, and handles English questions about Chinese text.
  "Xenova/multilingual-e5-small": { pooling: "mean", normalize: true, queryPrefix: "query: ", passagePrefix: "passage: " },
  "Xenova/multilingual-e5-base": { pooling: "mean", normalize: true, queryPrefix: "query: ", passagePrefix: "passage: " },
  // 512-d; CLS pooling, and an instruction on short queries only (passages go in bare).
  "Xenova/bge-small-zh-v1.5": {
    pooling: "cls",
    normalize: true,
    queryPrefix: "为这个句子生成表示以用于检索相关文章：",
    passagePrefix: "",
  },
  "Xenova/bge-base-zh-v1.5": {
    pooling: "cls",
    normalize: true,
    queryPrefix: "为这个句子生成表示以用于检索相关文章：",
    passagePrefix: "",
  },
};

/** Preset for a model we know nothing about: mean pooling, normalised, no prefixes. */
export const DEFAULT_PRESET: ModelPreset = { pooling: "mean", normalize: true, queryPrefix: "", passagePrefix: "" };

/** Returns the preset for `model` (or the default), with any field of `overrides` replacing it. */
export function resolveModelPreset(model: string, overrides: Partial<ModelPreset> = {}): ModelPreset {
  const base = MODEL_PRESETS[model] ?? DEFAULT_PRESET;
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined));
  return { ...base, ...defined };
}

/** Returns the text the model should see for a question. */
export function formatQuery(preset: ModelPreset, text: string): string {
  return preset.queryPrefix + text;
}

/** Returns the text the model should see for an indexed passage. */
export function formatPassage(preset: ModelPreset, text: string): string {
  return preset.passagePrefix + text;
}
