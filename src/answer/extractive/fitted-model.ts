/**
 * The fitted logistic models of the extractive answerer (weights in fitted-weights.json, written
 * by `npm run train` from CMRC 2018 under the held-out-article protocol; see README).
 */
import { readFileSync } from "node:fs";
import { z } from "zod";

const logisticModelSchema = z.object({
  /** Feature names in vector order; checked against the code's own list when scoring. */
  features: z.array(z.string()),
  /** Standardisation applied before the weights: (x − mean) / scale. */
  mean: z.array(z.number()),
  scale: z.array(z.number()),
  weights: z.array(z.number()),
  bias: z.number(),
});

const fittedWeightsSchema = z.object({
  version: z.literal(1),
  /** What the weights were fitted on, for people reading the file. */
  trainedOn: z.string(),
  /** P(the passages answer the question); `threshold` is the fitted cut-off. */
  decision: logisticModelSchema.extend({ threshold: z.number().min(0).max(1) }),
  /**
   * A conditional logit over a question's candidate sentences: the highest score is quoted
   * first, and another sentence too when its chance is at least `extraRatio` of the best one's.
   */
  sentence: logisticModelSchema.extend({ extraRatio: z.number().min(0).max(1) }),
  /** Cross-validated figures measured when the weights were fitted. */
  crossValidation: z.record(z.string(), z.unknown()).optional(),
});

/** One fitted logistic regression over named, standardised features. */
export type LogisticModel = z.infer<typeof logisticModelSchema>;
/** The contents of fitted-weights.json. */
export type FittedWeights = z.infer<typeof fittedWeightsSchema>;

/** Where the committed weights live (next to this file). */
export const FITTED_WEIGHTS_URL = new URL("./fitted-weights.json", import.meta.url);

let loaded: FittedWeights | undefined;

/**
 * Returns the committed fitted weights, read once.
 * @throws Error naming the file when it is missing or malformed.
 */
export function fittedWeights(): FittedWeights {
  loaded ??= parseFittedWeights(JSON.parse(readFileSync(FITTED_WEIGHTS_URL, "utf8")), FITTED_WEIGHTS_URL.pathname);
  return loaded;
}

/**
 * Validates parsed JSON as fitted weights.
 * @throws Error naming `source` and the first problem.
 */
export function parseFittedWeights(data: unknown, source = "fitted weights"): FittedWeights {
  const parsed = fittedWeightsSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid ${source} at ${issue?.path.join(".") || "(root)"}: ${issue?.message ?? "unknown"}`);
  }
  for (const model of [parsed.data.decision, parsed.data.sentence]) {
    const size = model.features.length;
    if ([model.mean, model.scale, model.weights].some((list) => list.length !== size)) {
      throw new Error(`Invalid ${source}: features, mean, scale and weights differ in length`);
    }
  }
  return parsed.data;
}

/**
 * Returns the model's linear score (log-odds) for `vector`, whose entries follow `names`.
 * @throws Error when the model was fitted on other features than `names` (stale weights file).
 */
export function linearScore(model: LogisticModel, names: readonly string[], vector: readonly number[]): number {
  if (model.features.length !== names.length || model.features.some((name, index) => name !== names[index])) {
    throw new Error(`Fitted weights are for features [${model.features.join(", ")}], not [${names.join(", ")}]; run npm run train`);
  }
  let z = model.bias;
  for (let index = 0; index < vector.length; index++) {
    z += (model.weights[index] ?? 0) * (((vector[index] ?? 0) - (model.mean[index] ?? 0)) / (model.scale[index] || 1));
  }
  return z;
}

/** Returns the model's probability for `vector` (the logistic of its linear score). */
export function probability(model: LogisticModel, names: readonly string[], vector: readonly number[]): number {
  return 1 / (1 + Math.exp(-linearScore(model, names, vector)));
}
