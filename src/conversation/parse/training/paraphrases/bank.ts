/**
 * The shape of a paraphrase bank: per reading, families of paraphrases. A family is one way
 * of putting a request (its lines vary the words, not the construction), so the corpus can
 * hold a whole family out and measure the model on wording it never saw.
 */
import type { UnderstoodIntentName } from '../../intents.ts';

export type ParaphraseBank = Partial<Record<UnderstoodIntentName, string[][]>>;
