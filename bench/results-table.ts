export type Verdict = 'pass' | 'FAIL' | 'info' | 'error';

export interface ResultRow {
  what: string;
  measured: string;
  /** What the figure is measured against, in the same run; '-' when nothing is. */
  limit: string;
  /** measured / limit, when both are rates. */
  ratio: string;
  target: string;
  verdict: Verdict;
}

export const NONE = '-';

const HEADINGS: Record<keyof ResultRow, string> = {
  what: 'what',
  measured: 'measured',
  limit: 'limit / baseline (same run)',
  ratio: 'ratio',
  target: 'target',
  verdict: 'result',
};
const COLUMNS = Object.keys(HEADINGS) as (keyof ResultRow)[];
const RIGHT_ALIGNED = new Set<keyof ResultRow>(['ratio']);

/** The one table `npm run bench` prints: a Markdown table, so BENCHMARKS.md can hold it as printed. */
export function renderTable(rows: ResultRow[]): string {
  const widths = COLUMNS.map((column) => Math.max(HEADINGS[column].length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) =>
    `| ${cells.map((cell, i) => (RIGHT_ALIGNED.has(COLUMNS[i]) ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join(' | ')} |`;
  const rule = `| ${widths.map((width, i) => (RIGHT_ALIGNED.has(COLUMNS[i]) ? `${'-'.repeat(width - 1)}:` : '-'.repeat(width))).join(' | ')} |`;
  return [
    line(COLUMNS.map((column) => HEADINGS[column])),
    rule,
    ...rows.map((row) => line(COLUMNS.map((column) => row[column]))),
  ].join('\n');
}

/** Whole numbers with thousands separators; smaller ones with `digits` decimals. */
export function figure(value: number, digits = 1): string {
  if (!Number.isFinite(value)) return String(value);
  return Math.abs(value) >= 100
    ? Math.round(value).toLocaleString('en-US')
    : value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function ms(value: number): string {
  return `${figure(value)} ms`;
}

/** A verdict from a figure and its bound: at least `min`, or at most `max`. */
export function verdict(value: number, bound: { min?: number; max?: number }): Verdict {
  if (!Number.isFinite(value)) return 'FAIL';
  if (bound.min !== undefined && value < bound.min) return 'FAIL';
  if (bound.max !== undefined && value > bound.max) return 'FAIL';
  return 'pass';
}
