/**
 * Journey h: an admin asks for reports by message — compliance for a department, cost per
 * learner for a programme, training costs, attendance last month — and the numbers in the
 * headline, the table, the CSV and the chart agree. CSVs end with a totals row and write
 * amounts as numbers with the currency in a column of its own; "As CSV" keeps the filter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertInvariants, button, startJourney, type WebReply } from '../harness.ts';

type Table = { columns: string[]; rows: string[][] };
const table = (reply: WebReply): Table => {
  const t = (reply.blocks as { type: string; columns?: string[]; rows?: string[][] }[]).find(
    (b) => b.type === 'table',
  );
  expect(t, reply.text).toBeDefined();
  return { columns: t!.columns!, rows: t!.rows! };
};
const col = (t: Table, name: string) => {
  const i = t.columns.indexOf(name);
  expect(i, `${name} in ${t.columns}`).toBeGreaterThanOrEqual(0);
  return i;
};
/** The rows above the totals row, and the totals row(s). */
const split = (rows: string[][]) => {
  const first = rows.findIndex((r) => r[0] === 'Total');
  expect(first, 'a totals row').toBeGreaterThan(-1);
  return { body: rows.slice(0, first), totals: rows.slice(first) };
};
const sumOf = (rows: string[][], i: number) => rows.reduce((n, r) => n + Number(r[i]), 0);
const csvOf = (reply: WebReply, name = /\.csv$/): string[][] => {
  const file = reply.files.find((f) => name.test(f.name) && f.mimeType === 'text/csv');
  expect(file, `a CSV among ${reply.files.map((f) => f.name)}`).toBeDefined();
  return Buffer.from(file!.base64, 'base64')
    .toString('utf8')
    .trimEnd()
    .split('\r\n')
    .map((line) => line.split(','));
};
/** Each series of the SVG bar chart, by colour, in label order. */
const chartOf = (reply: WebReply): Map<string, number[]> => {
  const file = reply.files.find((f) => f.mimeType === 'image/svg+xml');
  expect(file, 'a chart').toBeDefined();
  const svg = Buffer.from(file!.base64, 'base64').toString('utf8');
  const series = new Map<string, number[]>();
  for (const m of svg.matchAll(/fill="(#[0-9a-f]+)"\/>\n<text [^>]*>(\d+)<\/text>/g))
    series.set(m[1]!, [...(series.get(m[1]!) ?? []), Number(m[2])]);
  return series;
};
const amount = (text: string) => Number(/([\d.]+) GBP/.exec(text)?.[1] ?? Number.NaN);

describe('journey h', () => {
  let j: Awaited<ReturnType<typeof startJourney>>;
  beforeAll(async () => {
    j = await startJourney();
  });
  afterAll(async () => {
    await j?.close();
  });

  it('journey h: reports by message agree in the text, the table, the CSV and the chart', async () => {
    const avery = j.web('avery.clarke@acme.example');

    // Compliance for a department: headline = totals row = sum of rows = CSV = chart.
    const compliance = await avery.say('compliance report for Operations');
    const m = /: (\d+) compliant, (\d+) expiring, (\d+) due, (\d+) overdue of (\d+)$/.exec(compliance.text);
    expect(m, compliance.text).not.toBeNull();
    const headline = m!.slice(1).map(Number);
    const ct = table(compliance);
    const { body, totals } = split(ct.rows);
    const statusCols = ['Compliant', 'Expiring', 'Due', 'Overdue', 'Total'].map((c) => col(ct, c));
    expect(statusCols.map((i) => sumOf(body, i))).toEqual(headline);
    expect(statusCols.map((i) => Number(totals[0]![i]))).toEqual(headline);
    const complianceCsv = await avery.press(button(compliance, (b) => b.label === 'As CSV'));
    expect(complianceCsv.text).toBe(compliance.text);
    const csv = csvOf(complianceCsv, /^compliance-for-operations\.csv$/);
    expect(csv[0]).toEqual(ct.columns);
    expect(csv.slice(1)).toEqual(ct.rows);
    // The per-person file has one row per person and requirement: as many as the total.
    const people = csvOf(complianceCsv, /people\.csv$/);
    expect(people.length - 2).toBe(headline[4]);
    const chart = chartOf(await avery.press(button(compliance, (b) => b.label === 'As a chart')));
    expect([...chart.values()].map((v) => v.reduce((a, b) => a + b, 0))).toEqual(headline.slice(0, 4));

    // Cost per learner for a programme: the programme's cost is in its row; the CSV keeps
    // the filter and writes the amount as a number with its currency apart.
    const perLearner = await avery.say('cost per learner for the Leadership programme');
    const pt = table(perLearner);
    const programme = split(pt.rows);
    expect(programme.body.map((r) => r[0])).toEqual(['Leadership Foundations Programme']);
    expect(amount(programme.body[0]![col(pt, 'Total')]!)).toBe(amount(perLearner.text));
    const perLearnerCsv = await avery.press(button(perLearner, (b) => b.label === 'As CSV'));
    const pcsv = csvOf(perLearnerCsv);
    expect(pcsv[0]).toEqual([
      'Programme',
      'Currency',
      'Total',
      'Registered',
      'Attended',
      'Per registered',
      'Per attended',
    ]);
    expect(pcsv.slice(1, -1).map((r) => r[0])).toEqual(['Leadership Foundations Programme']);
    expect(pcsv[1]![1]).toBe('GBP');
    expect(Number(pcsv[1]![2])).toBe(amount(perLearner.text));
    expect(pcsv.at(-1)!.slice(0, 3)).toEqual(['Total', 'GBP', pcsv[1]![2]]);
    expect(Number(pcsv[1]![5])).toBeCloseTo(Number(pcsv[1]![2]) / Number(pcsv[1]![3]), 2);

    // Training costs: the total is the sum of the rows (a programme's own cost is a row).
    const costs = await avery.say('training costs this year');
    const kt = table(costs);
    const k = split(kt.rows);
    const rowsSum = k.body.reduce((n, r) => n + (amount(r[col(kt, 'Total')]!) || 0), 0);
    expect(rowsSum).toBeCloseTo(amount(costs.text), 2);
    expect(amount(k.totals[0]![col(kt, 'Total')]!)).toBe(amount(costs.text));
    const kcsv = csvOf(await avery.press(button(costs, (b) => b.label === 'As CSV')));
    const kbody = split(kcsv.slice(1));
    expect(kbody.body.every((r) => /^\d+\.\d\d$/.test(r[2]!))).toBe(true);
    expect(sumOf(kbody.body, 2)).toBeCloseTo(amount(costs.text), 2);
    expect(Number(kbody.totals[0]![2])).toBe(amount(costs.text));

    // Attendance last month: headline, table, totals, CSV and chart count the same people.
    const attendance = await avery.say('attendance last month');
    const a = /: (\d+) of (\d+) attended$/.exec(attendance.text);
    expect(a, attendance.text).not.toBeNull();
    const [attended, registered] = [Number(a![1]), Number(a![2])];
    const at = table(attendance);
    const att = split(at.rows);
    const partly = sumOf(att.body, col(at, 'Partial'));
    expect(Number(att.totals[0]![col(at, 'Partial')])).toBe(partly);
    expect(sumOf(att.body, col(at, 'Attended'))).toBe(attended);
    expect(sumOf(att.body, col(at, 'Registered'))).toBe(registered);
    expect(Number(att.totals[0]![col(at, 'Attended')])).toBe(attended);
    const acsv = csvOf(await avery.press(button(attendance, (b) => b.label === 'As CSV')));
    expect(acsv.slice(1)).toEqual(at.rows);
    const achart = chartOf(await avery.press(button(attendance, (b) => b.label === 'As a chart')));
    const sums = [...achart.values()].map((v) => v.reduce((x, y) => x + y, 0));
    expect(sums).toEqual([registered, attended, partly]);

    await assertInvariants(j);
  });
});
