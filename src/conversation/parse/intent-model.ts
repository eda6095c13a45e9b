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
import type { UnderstoodIntentName } from './intents.ts';
import {
  type SavedModel,
  type SoftmaxSettings,
  scale,
  softmaxInPlace,
  trainSoftmax,
} from './softmax-regression.ts';
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

const TOKEN = /\d{1,2}\/\d{1,2}(?:\/\d{2,4})?|[a-z0-9]+(?:'[a-z]+)?|[£$€]|\p{Extended_Pictographic}/gu;

/**
 * What one word contributes on its own: its stem, then the character 3- to 5-grams of the
 * word in boundary marks ("<book" … "ing>"), so a typo or an inflection never seen in training
 * still shares most of its pieces with the word it was meant to be. Cached per word: people
 * reuse the same few thousand words.
 */
const wordFeatures = new Map<string, string[]>();
const MAX_WORDS = 20_000;

function featuresOfWord(token: string): string[] {
  let out = wordFeatures.get(token);
  if (out) return out;
  // A date written with slashes is one token: its numbers say nothing about capacity or money.
  const stemmed = token.includes('/')
    ? '#date'
    : /^\d+$/.test(token)
      ? '#num'
      : /^[a-z]{2,5}\d{3}$/.test(token)
        ? '#code'
        : stem(token.replace(/'s$/, ''));
  out = [stemmed];
  if (/^[a-z]{4,}$/.test(token)) {
    const marked = `<${token}>`;
    for (let size = CHAR_GRAM_MIN; size <= CHAR_GRAM_MAX; size++)
      for (let at = 0; at + size <= marked.length; at++) out.push(`~${marked.slice(at, at + size)}`);
  }
  if (wordFeatures.size < MAX_WORDS) wordFeatures.set(token, out);
  return out;
}

const CHAR_GRAM_MIN = 4;
const CHAR_GRAM_MAX = 4;

/**
 * Features of a normalised message: each distinct word's own features (stem and character
 * n-grams), then each distinct stem bigram including the message's start and end. Words are
 * not merged with each other, so a parse can add one cached vector per word (see `rank`).
 */
export function features(text: string): string[] {
  const out: string[] = [];
  const words = new Set<string>();
  const bigrams = new Set<string>();
  let previous = '^';
  const pair = (bigram: string) => {
    if (!bigrams.has(bigram)) {
      bigrams.add(bigram);
      out.push(bigram);
    }
  };
  for (const token of text.match(TOKEN) ?? []) {
    const own = featuresOfWord(token);
    if (!words.has(token)) {
      words.add(token);
      out.push(...own);
    }
    pair(`${previous}_${own[0]}`);
    previous = own[0]!;
  }
  if (previous !== '^') pair(`${previous}_$`);
  return out;
}

function train(
  corpus: CorpusUtterance[],
  normalise: (text: string) => string,
  settings: SoftmaxSettings,
): SavedModel {
  return trainSoftmax(
    corpus.map((u) => ({ features: features(normalise(u.text)), label: u.intent })),
    settings,
  );
}

/** Chosen on the family split (scripts/parser-train-eval.ts), never on the test set. */
export const TRAINING: SoftmaxSettings = { epochs: 15, learningRate: 5, l2: 0, minCount: 1 };

interface WordEntry {
  stem: string;
  /** How many features the word contributes (its stem and its n-grams), for the scaling. */
  count: number;
  /** Its stem was seen in training: the share of such words says whether this is English at all. */
  known: boolean;
  /** The sum of its features' weights; undefined when none was seen in training. */
  vector: Float32Array | undefined;
}

export class IntentModel {
  /** Per feature, its weight for every intent: a parse adds up a few of these columns. */
  private readonly columns = new Map<string, Float32Array>();
  private readonly words = new Map<string, WordEntry>();
  private readonly biases: Float32Array;
  private readonly intents: UnderstoodIntentName[];

  /** Trains on `source` (a corpus), or takes the weights of a model trained before. */
  constructor(
    source: CorpusUtterance[] | SavedModel,
    normalise: (text: string) => string,
    settings: SoftmaxSettings = TRAINING,
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
  /**
   * One word's stem and character n-grams summed into one vector, once per word: a parse
   * then adds one vector per word instead of looking up every n-gram.
   */
  private word(token: string): WordEntry {
    let entry = this.words.get(token);
    if (entry) return entry;
    const [stem, ...grams] = featuresOfWord(token);
    let vector: Float32Array | undefined;
    for (const feature of [stem!, ...grams]) {
      const column = this.columns.get(feature);
      if (!column) continue;
      vector ??= new Float32Array(column.length);
      for (let i = 0; i < column.length; i++) vector[i]! += column[i]!;
    }
    entry = { stem: stem!, count: 1 + grams.length, known: this.columns.has(stem!), vector };
    if (this.words.size < MAX_WORDS) this.words.set(token, entry);
    return entry;
  }

  rank(text: string): { ranked: Ranked[]; total: number; coverage: number } {
    const n = this.intents.length;
    const sums = new Float64Array(n);
    let count = 0;
    let seen = 0;
    let knownWords = 0;
    let previous = '^';
    const words: string[] = [];
    const bigrams: string[] = [];
    const addBigram = (bigram: string) => {
      if (bigrams.includes(bigram)) return;
      bigrams.push(bigram);
      count += 1;
      const column = this.columns.get(bigram);
      if (!column) return;
      seen += 1;
      for (let i = 0; i < n; i++) sums[i]! += column[i]!;
    };
    for (const token of text.match(TOKEN) ?? []) {
      const word = this.word(token);
      if (!words.includes(token)) {
        words.push(token);
        count += word.count;
        if (word.known) knownWords += 1;
        if (word.vector) {
          seen += 1;
          for (let i = 0; i < n; i++) sums[i]! += word.vector[i]!;
        }
      }
      addBigram(`${previous}_${word.stem}`);
      previous = word.stem;
    }
    if (previous !== '^') addBigram(`${previous}_$`);
    const coverage = words.length ? knownWords / words.length : 0;
    if (seen === 0) return { ranked: [], total: 0, coverage };
    // Every feature weighs 1/√count, as in training: scale the sum once instead of each term.
    const value = scale(count);
    for (let i = 0; i < n; i++) sums[i] = this.biases[i]! + sums[i]! * value;
    softmaxInPlace(sums);
    const ranked: Ranked[] = [];
    for (let i = 0; i < n; i++) ranked.push({ intent: this.intents[i]!, score: sums[i]! });
    ranked.sort((a, b) => b.score - a.score);
    const total = 1;
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
        featuresOfWord.toString(),
        CHAR_GRAM_MIN,
        CHAR_GRAM_MAX,
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
