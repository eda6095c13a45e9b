/**
 * Multinomial logistic regression over sparse binary features, trained by seeded SGD. It
 * replaces NLP.js's one-perceptron-per-intent network because it trains on character
 * n-grams in seconds rather than minutes, and its softmax gives one distribution over the
 * readings (the confidence the dialogue thresholds on) instead of independent scores.
 */
import { seededRandom } from '../../shared/seeded-random.ts';

export interface Example {
  features: string[];
  label: string;
}

export interface SoftmaxSettings {
  epochs: number;
  learningRate: number;
  /** L2 shrinkage per update of a feature's weights: keeps rare features from dominating. */
  l2: number;
  /** A feature seen fewer times than this in training is left out (typos, one-off names). */
  minCount: number;
}

/** Trained weights, feature-major (all readings' weights for feature 0, then feature 1, …). */
export interface SavedModel {
  intents: string[];
  biases: number[];
  features: string[];
  /** Float32 little-endian, base64. */
  weights: string;
}

/**
 * Each example's features are scaled by 1/√count, the same scaling `scale()` gives at parse
 * time, so a long message does not get more confident just by being long.
 */
export function scale(featureCount: number): number {
  return featureCount ? 1 / Math.sqrt(featureCount) : 0;
}

export function trainSoftmax(examples: Example[], settings: SoftmaxSettings): SavedModel {
  const labels = [...new Set(examples.map((e) => e.label))].sort();
  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  const counts = new Map<string, number>();
  for (const e of examples) for (const f of e.features) counts.set(f, (counts.get(f) ?? 0) + 1);
  const kept = [...counts.entries()].filter(([, c]) => c >= settings.minCount).map(([f]) => f);
  const featureIndex = new Map(kept.map((f, i) => [f, i]));
  const n = labels.length;
  const weights = new Float32Array(kept.length * n);
  const biases = new Float64Array(n);
  const rows = examples.map((e) => ({
    features: Int32Array.from(e.features.flatMap((f) => featureIndex.get(f) ?? [])),
    value: scale(e.features.length),
    label: labelIndex.get(e.label)!,
  }));
  const random = seededRandom(7);
  const order = rows.map((_, i) => i);
  const scores = new Float64Array(n);
  for (let epoch = 0; epoch < settings.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const rate = settings.learningRate / (1 + epoch);
    for (const r of order) {
      const row = rows[r]!;
      scores.set(biases);
      for (const f of row.features) {
        const base = f * n;
        for (let k = 0; k < n; k++) scores[k]! += weights[base + k]! * row.value;
      }
      softmaxInPlace(scores);
      // Gradient of the log-loss: predicted minus true, on the features present.
      scores[row.label]! -= 1;
      for (let k = 0; k < n; k++) biases[k]! -= rate * scores[k]!;
      const shrink = 1 - rate * settings.l2;
      for (const f of row.features) {
        const base = f * n;
        for (let k = 0; k < n; k++)
          weights[base + k] = weights[base + k]! * shrink - rate * scores[k]! * row.value;
      }
    }
  }
  return {
    intents: labels,
    biases: [...biases],
    features: kept,
    weights: Buffer.from(weights.buffer).toString('base64'),
  };
}

export function softmaxInPlace(scores: Float64Array): void {
  let max = -Infinity;
  for (const s of scores) if (s > max) max = s;
  let sum = 0;
  for (let k = 0; k < scores.length; k++) {
    scores[k] = Math.exp(scores[k]! - max);
    sum += scores[k]!;
  }
  for (let k = 0; k < scores.length; k++) scores[k]! /= sum;
}
