/** Every benchmark prints its figure next to a baseline measured in the same run, and the ratio. */
export interface Figure {
  label: string;
  value: number;
  unit: string;
}

/** Every comparison printed in this run, for the summary `npm run bench` ends with. */
export const printed: { title: string; subject: Figure; baseline: Figure; ratio: number }[] = [];

export function printComparison(
  title: string,
  subject: Figure,
  baseline: Figure,
  higherIsBetter: boolean,
): void {
  const ratio = subject.value / baseline.value;
  printed.push({ title, subject, baseline, ratio });
  const fmt = (f: Figure) => `${f.value.toFixed(f.value < 10 ? 2 : 0)} ${f.unit}`;
  console.log(`\n## ${title}`);
  console.log(`  ${subject.label.padEnd(44)} ${fmt(subject)}`);
  console.log(`  ${baseline.label.padEnd(44)} ${fmt(baseline)}`);
  console.log(
    `  ratio (subject / baseline)                   ${ratio.toFixed(2)}x ${higherIsBetter ? '(higher is better)' : '(lower is better)'}`,
  );
}

export function percentile(sortedMs: number[], p: number): number {
  if (sortedMs.length === 0) return NaN;
  const index = Math.min(sortedMs.length - 1, Math.ceil((p / 100) * sortedMs.length) - 1);
  return sortedMs[Math.max(0, index)]!;
}

/** The middle of the values (the lower middle of an even count). */
export function median(values: number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await work();
  return { ms: performance.now() - started, result };
}
