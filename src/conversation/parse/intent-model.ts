/**
 * The trained intent classifier: a softmax regression over stems, stem bigrams and in-word
 * character n-grams of the normalised text, trained on the generated corpus once after
 * install and loaded from its cached weights by every process after that. Scores are turned
 * into a distribution over intents so the parse can carry a confidence and the runners-up.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
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
  /** The stem's number in the bigram table; -1 when no trained bigram has it on either side. */
  stemId: number;
  /** How many features the word contributes (its stem and its n-grams), for the scaling. */
  count: number;
  /** Its stem was seen in training: the share of such words says whether this is English at all. */
  known: boolean;
  /** The sum of its features' weights; undefined when none was seen in training. */
  vector: Float32Array | undefined;
}

/** Bigram features are `left_right` (stems have no underscore); `^` starts a message and `$` ends it. */
const START = '^';
const END = '$';

/**
 * Trained bigrams by (left stem number, right stem number) → row, open addressing in one
 * Int32Array: a lookup is a multiply and a probe or two, and ten thousand bigrams take a
 * few hundred kilobytes instead of a Map of strings.
 */
class BigramTable {
  private readonly keys: Int32Array;
  private readonly rows: Int32Array;
  private readonly mask: number;

  constructor(
    private readonly stems: number,
    size: number,
  ) {
    // Keys are left × stems + right in an Int32Array: fine up to 46,340 stems (about 1,600 today).
    if (stems * stems > 2 ** 31 - 1) throw new Error(`too many stems for the bigram table: ${stems}`);
    let capacity = 16;
    while (capacity < size * 2) capacity *= 2;
    this.keys = new Int32Array(capacity).fill(-1);
    this.rows = new Int32Array(capacity);
    this.mask = capacity - 1;
  }

  private slot(key: number): number {
    let at = Math.imul(key, 0x9e3779b1) >>> 0;
    at &= this.mask;
    while (this.keys[at] !== -1 && this.keys[at] !== key) at = (at + 1) & this.mask;
    return at;
  }

  set(left: number, right: number, row: number): void {
    const key = left * this.stems + right;
    const at = this.slot(key);
    this.keys[at] = key;
    this.rows[at] = row;
  }

  /** The bigram's row, or -1 when it was never trained on. */
  get(left: number, right: number): number {
    const key = left * this.stems + right;
    const at = this.slot(key);
    return this.keys[at] === key ? this.rows[at]! : -1;
  }
}

export class IntentModel {
  /** Every feature's row in `weights`, in the saved order. */
  private readonly rows = new Map<string, number>();
  /** Feature-major: the weights of feature f for every intent are at [f × n, f × n + n). */
  private readonly weights: Float32Array;
  /**
   * Bigrams by number, so a parse never builds a `left_right` string to look one up: every
   * stem on either side of a trained bigram gets a number, and the pair (left × stems + right)
   * maps to the bigram's row.
   */
  private readonly stemIds = new Map<string, number>();
  private readonly bigrams: BigramTable;
  private readonly words = new Map<string, WordEntry>();
  private readonly biases: Float32Array;
  private readonly intents: UnderstoodIntentName[];
  private readonly features: string[];
  /** Scratch for `rank`, which runs to completion before the next call: no allocation per parse. */
  private readonly sums: Float64Array;
  private readonly lefts: string[] = [];
  private readonly rights: string[] = [];

  /** Trains on `source` (a corpus), or takes the weights of a model trained before. */
  constructor(
    source: CorpusUtterance[] | SavedModel,
    normalise: (text: string) => string,
    settings: SoftmaxSettings = TRAINING,
  ) {
    const saved = Array.isArray(source) ? train(source, normalise, settings) : source;
    this.intents = saved.intents as UnderstoodIntentName[];
    this.features = saved.features;
    this.biases = Float32Array.from(saved.biases);
    this.sums = new Float64Array(this.intents.length);
    this.weights = new Float32Array(Buffer.from(saved.weights, 'base64').buffer.slice(0));
    for (const [f, feature] of saved.features.entries()) this.rows.set(feature, f);
    const bigrams: [string, string, number][] = [];
    for (const [f, feature] of saved.features.entries()) {
      const cut = feature.indexOf('_');
      if (cut < 0) continue;
      const pair: [string, string, number] = [feature.slice(0, cut), feature.slice(cut + 1), f];
      for (const side of [pair[0], pair[1]])
        if (!this.stemIds.has(side)) this.stemIds.set(side, this.stemIds.size);
      bigrams.push(pair);
    }
    this.bigrams = new BigramTable(this.stemIds.size, bigrams.length);
    for (const [left, right, f] of bigrams)
      this.bigrams.set(this.stemIds.get(left)!, this.stemIds.get(right)!, f);
  }

  toSaved(): SavedModel {
    return {
      intents: this.intents,
      biases: [...this.biases],
      features: this.features,
      weights: Buffer.from(this.weights.buffer, this.weights.byteOffset, this.weights.byteLength).toString(
        'base64',
      ),
    };
  }

  get featureCount(): number {
    return this.features.length;
  }

  /**
   * One word's stem and character n-grams summed into one vector, once per word: a parse
   * then adds one vector per word instead of looking up every n-gram. The sum is kept in
   * float32, feature by feature, as it always was: the scores must not move by a rounding.
   */
  private word(token: string): WordEntry {
    let entry = this.words.get(token);
    if (entry) return entry;
    const [stem, ...grams] = featuresOfWord(token);
    const n = this.intents.length;
    let vector: Float32Array | undefined;
    for (const feature of [stem!, ...grams]) {
      const row = this.rows.get(feature);
      if (row === undefined) continue;
      vector ??= new Float32Array(n);
      const base = row * n;
      for (let i = 0; i < n; i++) vector[i]! += this.weights[base + i]!;
    }
    entry = {
      stem: stem!,
      stemId: this.stemIds.get(stem!) ?? -1,
      count: 1 + grams.length,
      known: this.rows.has(stem!),
      vector,
    };
    if (this.words.size >= MAX_WORDS) this.words.clear();
    this.words.set(token, entry);
    return entry;
  }

  /**
   * The best few intents by score, best first (empty when nothing in the message was ever
   * seen in training), the total score over every intent, and the share of the message's
   * words the model knows: low for another language or gibberish.
   */
  rank(text: string): { ranked: Ranked[]; total: number; coverage: number } {
    const n = this.intents.length;
    const weights = this.weights;
    const sums = this.sums.fill(0);
    const lefts = this.lefts;
    const rights = this.rights;
    const words: string[] = [];
    let bigrams = 0;
    let count = 0;
    let seen = 0;
    let knownWords = 0;
    let previous = START;
    let previousId = this.stemIds.get(START) ?? -1;
    const tokens = text.match(TOKEN) ?? [];
    // One step per token, then one for the end: each adds the word (the first time it is seen)
    // and the bigram from the word before; the order of the additions is the order they always had.
    for (let t = 0; t <= tokens.length; t++) {
      let stem: string;
      let stemId: number;
      if (t < tokens.length) {
        const token = tokens[t]!;
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
        stem = word.stem;
        stemId = word.stemId;
      } else {
        if (previous === START) break;
        stem = END;
        stemId = this.stemIds.get(END) ?? -1;
      }
      // A bigram seen before in this message counts once.
      let repeat = false;
      for (let b = 0; b < bigrams && !repeat; b++) repeat = lefts[b] === previous && rights[b] === stem;
      if (!repeat) {
        lefts[bigrams] = previous;
        rights[bigrams] = stem;
        bigrams += 1;
        count += 1;
        const row = previousId < 0 || stemId < 0 ? -1 : this.bigrams.get(previousId, stemId);
        if (row >= 0) {
          seen += 1;
          const base = row * n;
          for (let i = 0; i < n; i++) sums[i]! += weights[base + i]!;
        }
      }
      previous = stem;
      previousId = stemId;
    }
    const coverage = words.length ? knownWords / words.length : 0;
    if (seen === 0) return { ranked: [], total: 0, coverage };
    // Every feature weighs 1/√count, as in training: scale the sum once instead of each term.
    const value = scale(count);
    for (let i = 0; i < n; i++) sums[i] = this.biases[i]! + sums[i]! * value;
    softmaxInPlace(sums);
    return { ranked: this.best(sums), total: 1, coverage };
  }

  /** The TOP highest scores, best first; equal scores in intent order (as a stable sort gives). */
  private best(scores: Float64Array): Ranked[] {
    const top: Ranked[] = [];
    for (let i = 0; i < scores.length; i++) {
      const score = scores[i]!;
      if (top.length === TOP && score <= top[TOP - 1]!.score) continue;
      let at = top.length;
      while (at > 0 && top[at - 1]!.score < score) at--;
      top.splice(at, 0, { intent: this.intents[i]!, score });
      if (top.length > TOP) top.pop();
    }
    return top;
  }
}

/** Utterances drawn from each template. */
export const CORPUS_PER_TEMPLATE = 30;

/** How many readings a parse keeps: the best and its runners-up. */
const TOP = 4;

let model: IntentModel | undefined;

export function intentModel(normalise: (text: string) => string): IntentModel {
  if (model) return model;
  const key = sourceKey();
  const file = key && path.join(CACHE_DIR, `intent-model-src-${key}.json`);
  const saved = file ? readSaved(file) : undefined;
  if (saved) {
    model = new IntentModel(saved, normalise);
  } else {
    model = loadOrTrain(generateCorpus(CORPUS_PER_TEMPLATE), normalise);
    if (file) writeSaved(file, model);
  }
  return model;
}

const CACHE_DIR = path.resolve(import.meta.dirname, '../../../node_modules/.cache/rollcall');

/** This folder's TypeScript sources, whether this module runs from src/ (tsx) or dist/src/ (npm start). */
const SOURCE_DIR = import.meta.dirname.replace(
  `${path.sep}dist${path.sep}src${path.sep}`,
  `${path.sep}src${path.sep}`,
);

/**
 * The default model's name without building its corpus. The corpus, its labels and the
 * features are all made by the sources in this folder and the stemmer's package, so a hash of
 * those names the same weights; it takes milliseconds, where generating and normalising the
 * 15,000-utterance corpus for `loadOrTrain`'s key held the event loop for one to two seconds
 * right after the service began listening. Undefined when the sources are not beside the
 * build (dist/ deployed alone): the corpus key is used then.
 */
function sourceKey(): string | undefined {
  try {
    const hash = createHash('sha256');
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
        a.name < b.name ? -1 : 1,
      )) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name.endsWith('.ts')) hash.update(entry.name).update(readFileSync(full));
      }
    };
    walk(SOURCE_DIR);
    // The one file outside this folder that shapes the corpus and the training order.
    hash.update(readFileSync(path.resolve(SOURCE_DIR, '../../shared/seeded-random.ts')));
    hash.update(createRequire(import.meta.url)('@nlpjs/lang-en-min/package.json').version as string);
    return hash.digest('hex').slice(0, 20);
  } catch {
    return undefined;
  }
}

function readSaved(file: string): SavedModel | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as SavedModel;
  } catch {
    return undefined; // not there yet, or unreadable: train
  }
}

function writeSaved(file: string, trained: IntentModel): void {
  try {
    mkdirSync(CACHE_DIR, { recursive: true });
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, JSON.stringify(trained.toSaved()));
    renameSync(partial, file);
  } catch {
    // A read-only install trains in every process; nothing else changes.
  }
}

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
  const saved = readSaved(file);
  if (saved) return new IntentModel(saved, normalise);
  const trained = new IntentModel(corpus, normalise);
  writeSaved(file, trained);
  return trained;
}

/**
 * Replaces the model every parse uses. The evaluation trains one on the corpus minus every
 * test-set utterance, so the figures it reports are for a model that never saw them.
 */
export function useIntentModel(replacement: IntentModel): void {
  model = replacement;
}
