/**
 * The trained intent classifier: NLP.js's single-layer network over stems, stem bigrams and
 * word prefixes of the normalised text, trained on the generated corpus the first time it is
 * needed (about a second; `warmUpIntentModel()` does it at start-up). Scores are turned into
 * a distribution over intents so the parse can carry a confidence and the runners-up.
 */
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

export interface TrainingSettings {
  iterations: number;
  learningRate: number;
}
/** Chosen on the family split (scripts/parser-train-eval.ts), never on the test set. */
export const TRAINING: TrainingSettings = { iterations: 60, learningRate: 0.3 };

export class IntentModel {
  private readonly net: NeuralNetwork;
  readonly known = new Set<string>();

  constructor(
    corpus: CorpusUtterance[],
    normalise: (text: string) => string,
    settings: TrainingSettings = TRAINING,
  ) {
    this.net = new NeuralNetwork({ log: false, ...settings });
    const data = corpus.map((u) => {
      const input = features(normalise(u.text));
      for (const key of Object.keys(input)) this.known.add(key);
      return { input, output: { [u.intent]: 1 } };
    });
    this.net.train(data);
  }

  /** Intents by score, best first; empty when nothing in the message was ever seen in training. */
  rank(text: string): Ranked[] {
    const input = features(text);
    const seen: Record<string, number> = {};
    for (const key of Object.keys(input)) if (this.known.has(key)) seen[key] = 1;
    if (Object.keys(seen).length === 0) return [];
    const scores = this.net.run(seen) ?? {};
    return Object.entries(scores)
      .map(([intent, score]) => ({ intent: intent as UnderstoodIntentName, score }))
      .sort((a, b) => b.score - a.score);
  }

  /** Share of the message's features the model knows: low for another language or gibberish. */
  coverage(text: string): number {
    const keys = Object.keys(features(text)).filter((k) => !k.includes('_'));
    if (keys.length === 0) return 0;
    return keys.filter((k) => this.known.has(k)).length / keys.length;
  }
}

/** Utterances drawn from each template. */
export const CORPUS_PER_TEMPLATE = 30;

let model: IntentModel | undefined;

export function intentModel(normalise: (text: string) => string): IntentModel {
  model ??= new IntentModel(generateCorpus(CORPUS_PER_TEMPLATE), normalise);
  return model;
}
