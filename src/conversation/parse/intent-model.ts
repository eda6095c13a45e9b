/**
 * The trained intent classifier: NLP.js's single-layer network over stems, stem bigrams and
 * word prefixes of the normalised text, trained on the generated corpus the first time it is
 * needed (about a second; `warmUpIntentModel()` does it at start-up). Scores are turned into
 * a distribution over intents so the parse can carry a confidence and the runners-up.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { StemmerEn } from '@nlpjs/lang-en-min';
import { NeuralNetwork } from '@nlpjs/neural';
import type { UnderstoodIntentName } from './intents.ts';
import { type CorpusUtterance, generateCorpus } from './training/generate-corpus.ts';

export interface Ranked {
  intent: UnderstoodIntentName;
  score: number;
}

const stemmer = new StemmerEn();
const stems = new Map<string, string>();
const MAX_STEMS = 20_000;

function stem(word: string): string {
  let s = stems.get(word);
  if (s === undefined) {
    s = /^[a-z]+$/.test(word) ? stemmer.stemWord(word) : word;
    if (stems.size < MAX_STEMS) stems.set(word, s);
  }
  return s;
}

const TOKEN = /[a-z0-9]+(?:'[a-z]+)?|[£$€]|\p{Extended_Pictographic}/gu;

/** Features of a normalised message. Numbers collapse to their shape; a course code to one feature. */
export function features(text: string): Record<string, number> {
  const out: Record<string, number> = {};
  const tokens = (text.match(TOKEN) ?? []).map((t) =>
    /^\d+$/.test(t) ? '#num' : /^[a-z]{2,5}\d{3}$/.test(t) ? '#code' : stem(t.replace(/'s$/, '')),
  );
  let previous = '^';
  for (const token of tokens) {
    out[token] = 1;
    out[`${previous}_${token}`] = 1;
    if (token.length >= 6) out[`>${token.slice(0, 4)}`] = 1;
    previous = token;
  }
  if (tokens.length) out[`${previous}_$`] = 1;
  return out;
}

/** Trained weights, feature-major (all intents' weights for feature 0, then feature 1, …). */
export interface SavedModel {
  intents: string[];
  biases: number[];
  features: string[];
  /** Float32 little-endian, base64. */
  weights: string;
}

function train(
  corpus: CorpusUtterance[],
  normalise: (text: string) => string,
  settings: TrainingSettings,
): SavedModel {
  const net = new NeuralNetwork({ log: false, ...settings });
  net.train(corpus.map((u) => ({ input: features(normalise(u.text)), output: { [u.intent]: 1 } })));
  // NLP.js runs a message through one perceptron per intent, each walking the feature
  // object; the same weights laid out feature-major make a parse a handful of vector adds.
  const trained = net.toJSON() as { features: string[]; intents: string[]; perceptrons: number[][] };
  const n = trained.intents.length;
  const weights = new Float32Array(trained.features.length * n);
  for (let f = 0; f < trained.features.length; f++)
    for (let i = 0; i < n; i++) weights[f * n + i] = trained.perceptrons[i]![f]!;
  return {
    intents: trained.intents,
    biases: trained.perceptrons.map((w) => w.at(-1)!),
    features: trained.features,
    weights: Buffer.from(weights.buffer).toString('base64'),
  };
}

export interface TrainingSettings {
  iterations: number;
  learningRate: number;
}
/** Chosen on the family split (scripts/parser-train-eval.ts), never on the test set. */
export const TRAINING: TrainingSettings = { iterations: 60, learningRate: 0.3 };

export class IntentModel {
  /** Per feature, its weight for every intent: a parse adds up a few of these columns. */
  private readonly columns = new Map<string, Float32Array>();
  private readonly biases: Float32Array;
  private readonly intents: UnderstoodIntentName[];

  /** Trains on `source` (a corpus), or takes the weights of a model trained before. */
  constructor(
    source: CorpusUtterance[] | SavedModel,
    normalise: (text: string) => string,
    settings: TrainingSettings = TRAINING,
  ) {
    const saved = Array.isArray(source) ? train(source, normalise, settings) : source;
    this.intents = saved.intents as UnderstoodIntentName[];
    const n = this.intents.length;
    this.biases = Float32Array.from(saved.biases);
    const weights = new Float32Array(Buffer.from(saved.weights, 'base64').buffer.slice(0));
    for (const [f, feature] of saved.features.entries())
      this.columns.set(feature, weights.subarray(f * n, f * n + n));
  }

  toSaved(): SavedModel {
    const n = this.intents.length;
    const weights = new Float32Array(this.columns.size * n);
    let f = 0;
    for (const column of this.columns.values()) weights.set(column, n * f++);
    return {
      intents: this.intents,
      biases: [...this.biases],
      features: [...this.columns.keys()],
      weights: Buffer.from(weights.buffer).toString('base64'),
    };
  }

  get featureCount(): number {
    return this.columns.size;
  }

  /**
   * The best few intents by score, best first (empty when nothing in the message was ever
   * seen in training), the total score over every intent, and the share of the message's words the model knows: low for another
   * language or gibberish.
   */
  rank(text: string): { ranked: Ranked[]; total: number; coverage: number } {
    const n = this.intents.length;
    const sums = new Float64Array(n);
    for (let i = 0; i < n; i++) sums[i] = this.biases[i]!;
    let seen = 0;
    let words = 0;
    let knownWords = 0;
    for (const key in features(text)) {
      const column = this.columns.get(key);
      const isWord = !key.includes('_') && key[0] !== '>';
      if (isWord) words += 1;
      if (!column) continue;
      if (isWord) knownWords += 1;
      seen += 1;
      for (let i = 0; i < n; i++) sums[i]! += column[i]!;
    }
    const coverage = words ? knownWords / words : 0;
    if (seen === 0) return { ranked: [], total: 0, coverage };
    // The network's activation: a perceptron with a negative sum scores nothing.
    let total = 0;
    const ranked: Ranked[] = [];
    for (let i = 0; i < n; i++) {
      const score = sums[i]! > 0 ? sums[i]! : 0;
      total += score;
      if (score > 0) ranked.push({ intent: this.intents[i]!, score });
    }
    ranked.sort((a, b) => b.score - a.score);
    return { ranked: ranked.slice(0, TOP), total, coverage };
  }
}

/** Utterances drawn from each template. */
export const CORPUS_PER_TEMPLATE = 30;

/** How many readings a parse keeps: the best and its runners-up. */
const TOP = 4;

let model: IntentModel | undefined;

export function intentModel(normalise: (text: string) => string): IntentModel {
  model ??= loadOrTrain(generateCorpus(CORPUS_PER_TEMPLATE), normalise);
  return model;
}

const CACHE_DIR = path.resolve(import.meta.dirname, '../../../node_modules/.cache/rollcall');

/**
 * Training takes a couple of seconds of CPU; every process (each test worker, each replica)
 * would pay it. The weights are kept in the project's node_modules/.cache under a hash of
 * everything they depend on — the normalised corpus, its labels, the settings and the
 * feature code — so a change to any of them trains afresh, and a damaged file is ignored.
 */
export function loadOrTrain(corpus: CorpusUtterance[], normalise: (text: string) => string): IntentModel {
  const key = createHash('sha256')
    .update(
      JSON.stringify([
        TRAINING,
        features.toString(),
        stem.toString(),
        corpus.map((u) => [normalise(u.text), u.intent]),
      ]),
    )
    .digest('hex')
    .slice(0, 20);
  const file = path.join(CACHE_DIR, `intent-model-${key}.json`);
  try {
    return new IntentModel(JSON.parse(readFileSync(file, 'utf8')) as SavedModel, normalise);
  } catch {
    // Not there yet (or unreadable): train, then keep it for the next process.
  }
  const trained = new IntentModel(corpus, normalise);
  try {
    mkdirSync(CACHE_DIR, { recursive: true });
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, JSON.stringify(trained.toSaved()));
    renameSync(partial, file);
  } catch {
    // A read-only install trains in every process; nothing else changes.
  }
  return trained;
}

/**
 * Replaces the model every parse uses. The evaluation trains one on the corpus minus every
 * test-set utterance, so the figures it reports are for a model that never saw them.
 */
export function useIntentModel(replacement: IntentModel): void {
  model = replacement;
}
