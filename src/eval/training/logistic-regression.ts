import type { LogisticModel } from "../../answer/extractive/fitted-model.js";

/** One training example: a feature vector, its label, and how much it counts. */
export interface LabelledVector {
  vector: number[];
  label: boolean;
  /** Default 1. */
  weight?: number;
}

/**
 * Returns an L2-regularised logistic regression fitted by Newton's method (iteratively
 * reweighted least squares) on standardised features. `l2` penalises the weights, never the
 * bias. Constant features get scale 1 and, being centred to 0, a weight of 0.
 */
export function fitLogisticRegression(
  examples: readonly LabelledVector[],
  names: readonly string[],
  options: { l2?: number; iterations?: number } = {},
): LogisticModel {
  const size = names.length;
  const l2 = options.l2 ?? 1;
  const totalWeight = examples.reduce((sum, example) => sum + (example.weight ?? 1), 0) || 1;
  const mean = new Array<number>(size).fill(0);
  const scale = new Array<number>(size).fill(0);
  for (const example of examples) for (let j = 0; j < size; j++) mean[j]! += ((example.weight ?? 1) * (example.vector[j] ?? 0)) / totalWeight;
  for (const example of examples) for (let j = 0; j < size; j++) scale[j]! += ((example.weight ?? 1) * ((example.vector[j] ?? 0) - mean[j]!) ** 2) / totalWeight;
  for (let j = 0; j < size; j++) scale[j] = Math.sqrt(scale[j]!) > 1e-9 ? Math.sqrt(scale[j]!) : 1;
  const rows = examples.map((example) => [1, ...example.vector.map((value, j) => (value - mean[j]!) / scale[j]!)]);
  // Parameters: index 0 is the bias.
  let theta = new Array<number>(size + 1).fill(0);
  for (let iteration = 0; iteration < (options.iterations ?? 25); iteration++) {
    const gradient = new Array<number>(size + 1).fill(0);
    const hessian = Array.from({ length: size + 1 }, () => new Array<number>(size + 1).fill(0));
    rows.forEach((row, index) => {
      const weight = examples[index]!.weight ?? 1;
      const p = sigmoid(dot(theta, row));
      const error = p - (examples[index]!.label ? 1 : 0);
      const curvature = weight * Math.max(p * (1 - p), 1e-9);
      for (let j = 0; j <= size; j++) {
        gradient[j]! += weight * error * row[j]!;
        for (let k = j; k <= size; k++) hessian[j]![k]! += curvature * row[j]! * row[k]!;
      }
    });
    for (let j = 0; j <= size; j++) for (let k = 0; k < j; k++) hessian[j]![k] = hessian[k]![j]!;
    for (let j = 1; j <= size; j++) {
      gradient[j]! += l2 * theta[j]!;
      hessian[j]![j]! += l2;
    }
    const step = solve(hessian, gradient);
    theta = theta.map((value, j) => value - step[j]!);
    if (Math.max(...step.map(Math.abs)) < 1e-8) break;
  }
  return { features: [...names], mean, scale, weights: theta.slice(1), bias: theta[0]! };
}

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

function dot(a: readonly number[], b: readonly number[]): number {
  let sum = 0;
  for (let index = 0; index < a.length; index++) sum += a[index]! * (b[index] ?? 0);
  return sum;
}

/** Solves A x = b by Gaussian elimination with partial pivoting (A is small and positive definite). */
function solve(matrix: number[][], vector: number[]): number[] {
  const n = vector.length;
  const a = matrix.map((row, index) => [...row, vector[index]!]);
  for (let column = 0; column < n; column++) {
    let pivot = column;
    for (let row = column + 1; row < n; row++) if (Math.abs(a[row]![column]!) > Math.abs(a[pivot]![column]!)) pivot = row;
    [a[column], a[pivot]] = [a[pivot]!, a[column]!];
    const divisor = a[column]![column]! || 1e-12;
    for (let row = column + 1; row < n; row++) {
      const factor = a[row]![column]! / divisor;
      for (let k = column; k <= n; k++) a[row]![k]! -= factor * a[column]![k]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let row = n - 1; row >= 0; row--) {
    let sum = a[row]![n]!;
    for (let k = row + 1; k < n; k++) sum -= a[row]![k]! * x[k]!;
    x[row] = sum / (a[row]![row]! || 1e-12);
  }
  return x;
}

/** Returns the area under the ROC curve of `scores` for `labels` (ties count half). */
export function areaUnderCurve(scores: readonly number[], labels: readonly boolean[]): number {
  const pairs = scores.map((score, index) => ({ score, label: labels[index] === true })).sort((a, b) => a.score - b.score);
  const positives = pairs.filter((pair) => pair.label).length;
  const negatives = pairs.length - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  let rankSum = 0;
  for (let start = 0; start < pairs.length; ) {
    let end = start;
    while (end + 1 < pairs.length && pairs[end + 1]!.score === pairs[start]!.score) end += 1;
    const averageRank = (start + end) / 2 + 1;
    for (let index = start; index <= end; index++) if (pairs[index]!.label) rankSum += averageRank;
    start = end + 1;
  }
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** The candidates of one choice (one question) and which of them are right. */
export interface ChoiceGroup {
  vectors: number[][];
  positives: boolean[];
}

/**
 * Returns a conditional logit (softmax over each group's candidates) fitted to put the right
 * candidates first: the likelihood of a group is the probability mass its right candidates get.
 * It ranks within a question, which is what choosing evidence sentences needs. The model is
 * returned in the logistic form (bias 0); only the order of scores matters.
 */
export function fitConditionalLogit(
  groups: readonly ChoiceGroup[],
  names: readonly string[],
  options: { l2?: number; iterations?: number } = {},
): LogisticModel {
  const size = names.length;
  const l2 = options.l2 ?? 1;
  const all = groups.flatMap((group) => group.vectors);
  const mean = new Array<number>(size).fill(0);
  const scale = new Array<number>(size).fill(0);
  for (const vector of all) for (let j = 0; j < size; j++) mean[j]! += (vector[j] ?? 0) / (all.length || 1);
  for (const vector of all) for (let j = 0; j < size; j++) scale[j]! += ((vector[j] ?? 0) - mean[j]!) ** 2 / (all.length || 1);
  for (let j = 0; j < size; j++) scale[j] = Math.sqrt(scale[j]!) > 1e-9 ? Math.sqrt(scale[j]!) : 1;
  const standardised = groups
    .filter((group) => group.positives.some(Boolean) && group.positives.some((positive) => !positive))
    .map((group) => ({ rows: group.vectors.map((vector) => vector.map((value, j) => (value - mean[j]!) / scale[j]!)), positives: group.positives }));
  let weights = new Array<number>(size).fill(0);
  for (let iteration = 0; iteration < (options.iterations ?? 30); iteration++) {
    const gradient = weights.map((weight) => -l2 * weight);
    const hessian = Array.from({ length: size }, (_, j) => Array.from({ length: size }, (_, k) => (j === k ? l2 : 0)));
    for (const group of standardised) {
      const scores = group.rows.map((row) => dot(weights, row));
      const top = Math.max(...scores);
      const exps = scores.map((score) => Math.exp(score - top));
      const total = exps.reduce((sum, value) => sum + value, 0);
      const positiveTotal = exps.reduce((sum, value, index) => sum + (group.positives[index] ? value : 0), 0);
      const expected = new Array<number>(size).fill(0);
      const expectedPositive = new Array<number>(size).fill(0);
      group.rows.forEach((row, index) => {
        const p = exps[index]! / total;
        const q = group.positives[index] ? exps[index]! / positiveTotal : 0;
        for (let j = 0; j < size; j++) {
          expected[j]! += p * row[j]!;
          expectedPositive[j]! += q * row[j]!;
        }
      });
      for (let j = 0; j < size; j++) gradient[j]! += expectedPositive[j]! - expected[j]!;
      group.rows.forEach((row, index) => {
        const p = exps[index]! / total;
        for (let j = 0; j < size; j++) for (let k = 0; k < size; k++) hessian[j]![k]! += p * (row[j]! - expected[j]!) * (row[k]! - expected[k]!);
      });
    }
    const step = solve(hessian, gradient);
    weights = weights.map((weight, j) => weight + step[j]!);
    if (Math.max(...step.map(Math.abs)) < 1e-6) break;
  }
  return { features: [...names], mean, scale, weights, bias: 0 };
}
