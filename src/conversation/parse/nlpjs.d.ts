/** NLP.js's English stemmer, used by the intent model, ships without type declarations. */
declare module '@nlpjs/lang-en-min' {
  export class StemmerEn {
    stemWord(word: string): string;
  }
}
