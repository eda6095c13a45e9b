/**
 * The labelled training corpus: every template expanded with slot values and then varied the
 * way people write in chat — politeness, fragments, typos, slang, emoji, British and American
 * spelling. Deterministic (seeded), so a build trains the same model every time.
 */
import type { UnderstoodIntentName } from '../intents.ts';
import type { ParaphraseBank } from './paraphrases/bank.ts';
import { CONVERSATIONAL_BANK } from './paraphrases/conversational.ts';
import { LEARNER_BANK } from './paraphrases/learner.ts';
import { MANAGER_ADMIN_BANK } from './paraphrases/manager-admin.ts';
import { SECOND_PASS_BANK } from './paraphrases/second-pass.ts';
import { THIRD_PASS_BANK } from './paraphrases/third-pass.ts';
import { WRITTEN_ADMIN_BANK } from './paraphrases/written-admin.ts';
import { WRITTEN_ADMIN_2_BANK } from './paraphrases/written-admin-2.ts';
import { WRITTEN_LEARNER_BANK } from './paraphrases/written-learner.ts';
import { WRITTEN_LEARNER_2_BANK } from './paraphrases/written-learner-2.ts';
import { SLOT_VALUES, TEMPLATES } from './templates.ts';
import { seededRandom } from '../../../shared/seeded-random.ts';

const BANKS: [string, ParaphraseBank][] = [
  ['learner', LEARNER_BANK],
  ['manager', MANAGER_ADMIN_BANK],
  ['talk', CONVERSATIONAL_BANK],
  ['second', SECOND_PASS_BANK],
  ['third', THIRD_PASS_BANK],
  ['written-learner', WRITTEN_LEARNER_BANK],
  ['written-admin', WRITTEN_ADMIN_BANK],
  ['written-admin-2', WRITTEN_ADMIN_2_BANK],
  ['written-learner-2', WRITTEN_LEARNER_2_BANK],
];

export interface CorpusUtterance {
  text: string;
  intent: UnderstoodIntentName;
  /** The paraphrase family (intent + template): the unit the corpus is split by. */
  family: string;
}

type Node = { kind: 'text'; value: string } | { kind: 'choice'; options: Node[][]; optional: boolean };

/** Parses `(a|b)`, `[x]`, `(x)?` and `{slot}` into a tree; nesting allowed. */
function parseTemplate(template: string): Node[] {
  let i = 0;
  const sequence = (closers: string): Node[][] => {
    const options: Node[][] = [[]];
    while (i < template.length && !closers.includes(template[i]!)) {
      const ch = template[i]!;
      if (ch === '|') {
        options.push([]);
        i++;
      } else if (ch === '(' || ch === '[') {
        i++;
        const inner = sequence(ch === '(' ? ')' : ']');
        i++; // the closer
        let optional = ch === '[';
        if (template[i] === '?') {
          optional = true;
          i++;
        }
        options.at(-1)!.push({ kind: 'choice', options: inner, optional });
      } else {
        let text = '';
        while (i < template.length && !'|()[]'.includes(template[i]!)) text += template[i++];
        options.at(-1)!.push({ kind: 'text', value: text });
      }
    }
    return options;
  };
  return sequence('')[0]!;
}

function render(nodes: Node[], random: () => number): string {
  let out = '';
  for (const node of nodes) {
    if (node.kind === 'text') out += node.value;
    else if (!(node.optional && random() < 0.5))
      out += render(node.options[Math.floor(random() * node.options.length)]!, random);
  }
  return out.replace(/\{(\w+)\}/g, (_, slot: string) => pick(SLOT_VALUES[slot] ?? [slot], random));
}

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)]!;
}

const PREFIXES = [
  'please ',
  'pls ',
  'hey ',
  'hi, ',
  'could you ',
  'can you ',
  'um ',
  'ok so ',
  'quick one: ',
  'hiya ',
];
const SUFFIXES = [
  '?',
  ' please',
  ' pls',
  ' thanks',
  ' 🙏',
  ' 👍',
  ' ta',
  '!',
  ' asap',
  ' cheers',
  ' 😊',
  '??',
];
const SLANG: [RegExp, string][] = [
  [/\byou\b/g, 'u'],
  [/\bare\b/g, 'r'],
  [/\bplease\b/g, 'plz'],
  [/\bwant to\b/g, 'wanna'],
  [/\bgoing to\b/g, 'gonna'],
  [/\bwhat's\b/g, 'wots'],
  [/\bi'm\b/g, 'im'],
];
const SPELLING: [RegExp, string][] = [
  [/\benrol\b/g, 'enroll'],
  [/\bprogramme/g, 'program'],
  [/\borganise/g, 'organize'],
  [/\bcancelled\b/g, 'canceled'],
  [/\bcentre\b/g, 'center'],
];

/** One typo a message at most: two letters swapped or one dropped, in a longer word. */
function typo(text: string, random: () => number): string {
  const words = text.split(' ');
  const long = words.map((w, i) => [w, i] as const).filter(([w]) => /^[a-z]{5,}$/.test(w));
  if (long.length === 0) return text;
  const [word, index] = pick(long, random);
  const at = 1 + Math.floor(random() * (word.length - 2));
  words[index] =
    random() < 0.5
      ? word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2)
      : word.slice(0, at) + word.slice(at + 1);
  return words.join(' ');
}

function vary(text: string, intent: UnderstoodIntentName, random: () => number): string {
  let t = text;
  const chatty = intent !== 'small_talk';
  if (chatty && random() < 0.2) t = pick(PREFIXES, random) + t;
  if (chatty && random() < 0.25) t += pick(SUFFIXES, random);
  if (random() < 0.15) for (const [p, r] of SLANG) t = t.replace(p, r);
  if (random() < 0.2) for (const [p, r] of SPELLING) t = t.replace(p, r);
  if (random() < 0.12) t = typo(t, random);
  return t;
}

/**
 * Every template × `perTemplate` samples, then every paraphrase-bank line × `perLine`
 * samples (duplicates dropped within a family), seeded.
 */
export function generateCorpus(perTemplate = 60, seed = 13, perLine = PER_BANK_LINE): CorpusUtterance[] {
  const random = seededRandom(seed);
  const out: CorpusUtterance[] = [];
  const expand = (intent: UnderstoodIntentName, family: string, templates: string[], per: number) => {
    const seen = new Set<string>();
    for (const template of templates) {
      const nodes = parseTemplate(template);
      let kept = 0;
      for (let k = 0; k < per * 3 && kept < per; k++) {
        const base = render(nodes, random).replace(/\s+/g, ' ').trim();
        const text = k % 3 === 0 ? base : vary(base, intent, random);
        if (seen.has(text)) continue;
        seen.add(text);
        kept += 1;
        out.push({ text, intent, family });
      }
    }
  };
  for (const [intent, templates] of Object.entries(TEMPLATES) as [UnderstoodIntentName, string[]][])
    templates.forEach((template, index) => expand(intent, `${intent}#${index}`, [template], perTemplate));
  for (const [name, bank] of BANKS)
    for (const [intent, families] of Object.entries(bank) as [UnderstoodIntentName, string[][]][])
      families.forEach((lines, index) => expand(intent, `${intent}#${name}-${index}`, lines, perLine));
  return out;
}

/** Samples drawn from each paraphrase line: a line is one wording, its slots and variants vary. */
export const PER_BANK_LINE = 6;
