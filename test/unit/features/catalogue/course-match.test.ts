import { describe, expect, it } from 'vitest';
import { scoreCourse, withinOneEdit } from '../../../../src/features/catalogue/course-match.ts';

const catalogue = [
  {
    code: 'FA-101',
    title: 'First Aid at Work',
    tags: ['safety', 'first aid', 'health'],
    description: 'CPR, recovery position',
  },
  {
    code: 'FS-100',
    title: 'Fire Safety Awareness',
    tags: ['safety', 'fire'],
    description: 'Fire risks and evacuation',
  },
  {
    code: 'FL-101',
    title: 'Forklift Theory',
    tags: ['safety', 'forklift', 'warehouse'],
    description: 'Online theory',
  },
  {
    code: 'FL-201',
    title: 'Forklift Practical Assessment',
    tags: ['safety', 'forklift', 'warehouse'],
    description: 'Hands-on',
  },
  {
    code: 'GDPR-101',
    title: 'GDPR Basics',
    tags: ['compliance', 'data protection', 'privacy'],
    description: 'Personal data',
  },
  {
    code: 'XL-110',
    title: 'Excel Essentials',
    tags: ['skills', 'excel', 'spreadsheets'],
    description: 'Formulas and pivot tables',
  },
];
const best = (query: string) =>
  catalogue
    .map((c) => ({ code: c.code, score: scoreCourse(query, c) }))
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score);

describe('course matching', () => {
  it.each([
    ['first aid', 'FA-101'],
    ['the excel one', 'XL-110'],
    ['gdpr', 'GDPR-101'],
    ['GDPR course', 'GDPR-101'],
    ['fl-201', 'FL-201'],
    ['FL201', 'FL-201'],
    ['forklift practical', 'FL-201'],
    ['forklfit theory', 'FL-101'],
    ['spreadsheets', 'XL-110'],
    ['data protection', 'GDPR-101'],
  ])('%s → %s', (query, code) => {
    expect(best(query)[0]?.code).toBe(code);
  });

  it('matches nothing for unrelated words or only filler', () => {
    expect(best('underwater basket weaving')).toEqual([]);
    expect(best('the one')).toEqual([]);
  });

  it('forklift alone is ambiguous between theory and practical', () => {
    const [a, b] = best('forklift');
    expect(a!.score).toBe(b!.score);
  });

  it('forgives one edit or one swap', () => {
    expect(withinOneEdit('forklfit', 'forklift')).toBe(true);
    expect(withinOneEdit('exel', 'excel')).toBe(true);
    expect(withinOneEdit('excels', 'excel')).toBe(true);
    expect(withinOneEdit('fire', 'first')).toBe(false);
  });
});
