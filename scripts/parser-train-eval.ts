/**
 * `npx tsx scripts/parser-train-eval.ts [perTemplate epochs learningRate l2 minCount]`: the corpus
 * split by paraphrase family — every fifth family held out — trained on the rest and scored
 * on the held-out families. This is where training settings are chosen; the test set is
 * only for reporting.
 */
import { IntentModel, TRAINING } from '../src/conversation/parse/intent-model.ts';
import { normalise } from '../src/conversation/parse/normalise.ts';
import { generateCorpus } from '../src/conversation/parse/training/generate-corpus.ts';

const [
  perTemplate = 30,
  epochs = TRAINING.epochs,
  learningRate = TRAINING.learningRate,
  l2 = TRAINING.l2,
  minCount = TRAINING.minCount,
] = process.argv.slice(2).map(Number);
const corpus = generateCorpus(perTemplate);
const families = [...new Set(corpus.map((u) => u.family))];
const heldOut = new Set(families.filter((_, i) => i % 5 === 2));
const train = corpus.filter((u) => !heldOut.has(u.family));
const test = corpus.filter((u) => heldOut.has(u.family));
const started = performance.now();
const model = new IntentModel(train, normalise, { epochs, learningRate, l2, minCount });
const trainMs = performance.now() - started;
let correct = 0;
for (const u of test) if (model.rank(normalise(u.text)).ranked[0]?.intent === u.intent) correct += 1;
console.log(
  `families ${families.length} (held out ${heldOut.size}); train ${train.length} utterances in ${trainMs.toFixed(0)} ms; ` +
    `held-out families: ${correct}/${test.length} = ${((100 * correct) / test.length).toFixed(1)}%`,
);
