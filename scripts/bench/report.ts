import type { SizeRow } from './sizes.ts';
import type { Summary } from './stats.ts';

export interface BenchResult {
  date: string;
  chromium: string;
  cpuThrottleRate: number;
  runs: number;
  sizes: {
    firstPage: SizeRow;
    additions: SizeRow[];
    floor: SizeRow;
    /** JS and CSS the browser was seen to fetch before the sign-in input showed (first run). */
    observedFirstPageFiles: string[];
    /** Files the manifest walk and the browser disagree on; empty when they agree. */
    firstPageMismatch: string[];
  };
  timings: {
    inputVisibleApp: Summary;
    inputVisibleFloor: Summary;
    inputVisibleRatio: Summary;
    pendingAfterIdle: Summary;
    pendingAtFirstPaint: Summary;
    /** The part of the above until the DOM shows the pending state (the rest is waiting for the frame). */
    pendingDomAfterIdle: Summary;
    pendingDomAtFirstPaint: Summary;
    /** From the sign-in click to the frame that shows the account page, against the local pool. */
    signedIn: Summary;
    /** The longest main-thread task between that click and that frame. */
    longestTaskDuringSignIn: Summary;
  };
  /**
   * Every page measured in the run beside the floor: this app first, then BENCH_COMPARE checkouts, then the
   * hand-made page, then Amplify.
   */
  targets: TargetResult[];
  /** Whether Amplify's Authenticator was measured, or why not. */
  amplify: string;
  budgets: Budget[];
}

export interface TargetResult {
  label: string;
  firstPage?: SizeRow;
  inputVisible: Summary;
  inputVisibleRatio: Summary;
  /** When the page asked for /config.json: after its scripts had run (serial start-up), or beside them. */
  configRequested?: Summary;
  pendingAfterIdle?: Summary;
  pendingAtFirstPaint?: Summary;
  signedIn: Summary;
  longestTask: Summary;
}

export interface Budget {
  name: string;
  limit: string;
  actual: string;
  holds: boolean;
}

/** The budgets of the performance goal, checked against this run (median figures). */
export function checkBudgets(result: Omit<BenchResult, 'budgets'>): Budget[] {
  const firstPageKb = result.sizes.firstPage.gzip / 1000;
  const ratio = result.timings.inputVisibleRatio.median;
  const pending = result.timings.pendingAfterIdle.median;
  const pendingEarly = result.timings.pendingAtFirstPaint.median;
  return [
    { name: 'first page, gzip JS+CSS', limit: '≤ 100 KB', actual: `${firstPageKb.toFixed(1)} KB`, holds: firstPageKb <= 100 },
    { name: 'input visible / floor', limit: '≤ 1.20×', actual: `${ratio.toFixed(2)}×`, holds: ratio <= 1.2 },
    { name: 'pending painted after click (idle page)', limit: '≤ 100 ms', actual: `${pending.toFixed(0)} ms`, holds: pending <= 100 },
    {
      name: 'pending painted after click (at first paint)',
      limit: '≤ 100 ms',
      actual: `${pendingEarly.toFixed(0)} ms`,
      holds: pendingEarly <= 100,
    },
  ];
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
const ms = (value: number) => `${value.toFixed(0)} ms`;

function table(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ');
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

function sizeLine(row: SizeRow): string[] {
  return [row.label, String(row.files.length), kb(row.raw), kb(row.gzip), kb(row.brotli)];
}

function timingLine(label: string, summary: Summary, format: (value: number) => string): string[] {
  return [
    label,
    format(summary.median),
    `${format(summary.min)} – ${format(summary.max)}`,
    `${format(summary.q1)} – ${format(summary.q3)}`,
    String(summary.runs),
  ];
}

export function formatReport(result: BenchResult): string {
  const sizes = table(
    ['JS+CSS per route', 'files', 'minified', 'gzip', 'brotli'],
    [
      sizeLine(result.sizes.firstPage),
      ...result.sizes.additions.map((row) => sizeLine({ ...row, label: `  + ${row.label}` })),
      sizeLine(result.sizes.floor),
    ],
  );
  const ratio = (value: number) => `${value.toFixed(2)}×`;
  const others = result.targets.slice(1);
  const timings = table(
    [`${result.cpuThrottleRate}× CPU, cold cache`, 'median', 'min – max', 'IQR', 'runs'],
    [
      timingLine('input visible: sign-in', result.timings.inputVisibleApp, ms),
      timingLine('input visible: floor', result.timings.inputVisibleFloor, ms),
      timingLine('input visible: sign-in / floor', result.timings.inputVisibleRatio, ratio),
      timingLine('click → pending painted (idle page)', result.timings.pendingAfterIdle, ms),
      timingLine('  of which until the DOM changed', result.timings.pendingDomAfterIdle, ms),
      timingLine('click → pending painted (at first paint)', result.timings.pendingAtFirstPaint, ms),
      timingLine('  of which until the DOM changed', result.timings.pendingDomAtFirstPaint, ms),
      timingLine('click → account page shown', result.timings.signedIn, ms),
      timingLine('  longest main-thread task in between', result.timings.longestTaskDuringSignIn, ms),
    ],
  );
  // The same figures for every other page of the run, beside this app's.
  const comparison = table(
    ['page (same run)', 'first page gzip', 'input visible', 'IQR', '/ floor', 'config.json asked', 'pending (idle)', 'click → signed in', 'longest task'],
    result.targets.map((target) => [
      target.label,
      target.firstPage ? kb(target.firstPage.gzip) : '',
      ms(target.inputVisible.median),
      `${ms(target.inputVisible.q1)} – ${ms(target.inputVisible.q3)}`,
      ratio(target.inputVisibleRatio.median),
      target.configRequested ? ms(target.configRequested.median) : '',
      target.pendingAfterIdle ? ms(target.pendingAfterIdle.median) : '',
      ms(target.signedIn.median),
      ms(target.longestTask.median),
    ]),
  );
  const budgets = table(
    ['budget', 'limit', 'this run', 'holds'],
    result.budgets.map((budget) => [budget.name, budget.limit, budget.actual, budget.holds ? 'yes' : 'NO']),
  );
  const notes: string[] = [];
  if (result.sizes.firstPageMismatch.length > 0) {
    notes.push(`note: the browser and the manifest disagree on the first page: ${result.sizes.firstPageMismatch.join(', ')}`);
  }
  return [
    `Benchmark ${result.date} · ${result.chromium} · ${result.runs} cold loads each`,
    '',
    sizes,
    '',
    timings,
    '',
    ...(others.length > 0 ? [comparison, `(medians, and the IQR of input visible; Amplify's Authenticator: ${result.amplify})`, ''] : [`Amplify's Authenticator: ${result.amplify}`, '']),
    budgets,
    ...(notes.length > 0 ? ['', ...notes] : []),
  ].join('\n');
}
