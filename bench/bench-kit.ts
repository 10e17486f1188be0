/** One measurement as a JSON line: the value, the baseline measured in the same run, their ratio and the target. */
export interface Measurement {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly baseline: number | null;
  readonly baselineName: string | null;
  readonly ratio: number | null;
  readonly target: string;
  readonly pass: boolean;
}

export const report = (m: Omit<Measurement, 'ratio'>): Measurement => {
  const ratio =
    m.baseline === null || m.baseline === 0 ? null : Math.round((m.value / m.baseline) * 100) / 100;
  const line: Measurement = { ...m, ratio };
  process.stdout.write(`${JSON.stringify(line)}\n`);
  return line;
};

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};
