import type { EvalReport, EvalRow } from "./run-eval.js";

/** One headline figure of a report, with the issue's target when it has one. */
export interface HeadlineMetric {
  key: string;
  label: string;
  value: number;
  /** Shown as a number of milliseconds rather than a rate. */
  unit: "rate" | "ms";
  target?: { op: ">=" | "=" | "<="; value: number };
}

// Saved reports store NaN as null; read it back as NaN.
const num = (value: number | null | undefined): number => (typeof value === "number" ? value : Number.NaN);

/** Returns the headline metrics of a report (also of one read back from JSON), in display order. */
export function headlineMetrics(report: EvalReport): HeadlineMetric[] {
  const r = report.retrieval;
  return [
    { key: "hit1", label: "retrieval hit@1 (answerable)", value: num(r.answerable.hitAt1), unit: "rate" },
    { key: "hit5", label: "retrieval hit@5 (answerable)", value: num(r.answerable.hitAt5), unit: "rate" },
    { key: "mrr", label: "retrieval MRR (answerable)", value: num(r.answerable.mrr), unit: "rate" },
    { key: "hit1Shared", label: "hit@1 (shares wording)", value: num(r.sharesWording.hitAt1), unit: "rate" },
    { key: "hit5Shared", label: "hit@5 (shares wording)", value: num(r.sharesWording.hitAt5), unit: "rate", target: { op: ">=", value: 0.95 } },
    { key: "mrrShared", label: "MRR (shares wording)", value: num(r.sharesWording.mrr), unit: "rate" },
    { key: "hit5Paraphrase", label: "hit@5 (paraphrases)", value: num(r.paraphrase.hitAt5), unit: "rate" },
    { key: "hit5English", label: "hit@5 (English)", value: num(r.english.hitAt5), unit: "rate" },
    { key: "accuracyZh", label: "answer accuracy (answerable zh)", value: num(report.accuracy.answerableZh.rate), unit: "rate", target: { op: ">=", value: 0.85 } },
    { key: "accuracy", label: "answer accuracy (all answerable)", value: num(report.accuracy.answerable.rate), unit: "rate" },
    { key: "accuracyEn", label: "answer accuracy (answerable en)", value: num(report.accuracy.answerableEn.rate), unit: "rate" },
    { key: "quoteVerbatim", label: "quote-verbatim rate", value: num(report.quoteVerbatim.rate), unit: "rate", target: { op: "=", value: 1 } },
    { key: "figureSupport", label: "figure-support rate", value: num(report.figureSupport.rate), unit: "rate", target: { op: "=", value: 1 } },
    { key: "notFoundPrecision", label: "not-found precision", value: num(report.notFound.precision), unit: "rate", target: { op: ">=", value: 0.9 } },
    { key: "notFoundRecall", label: "not-found recall", value: num(report.notFound.recall), unit: "rate", target: { op: ">=", value: 0.75 } },
    { key: "latencyP50", label: "latency p50", value: num(report.latencyMs.p50), unit: "ms" },
    { key: "latencyP99", label: "latency p99", value: num(report.latencyMs.p99), unit: "ms" },
    ...cmrcMetrics(report),
  ];
}

function cmrcMetrics(report: EvalReport): HeadlineMetric[] {
  const cmrc = report.cmrc;
  if (!cmrc || "skipped" in cmrc) return [];
  const heldOut = (cmrc.heldOutEvery ?? 0) > 0;
  return [
    { key: "cmrcHit1", label: "CMRC hit@1", value: num(cmrc.hitAt1), unit: "rate" },
    { key: "cmrcHit5", label: "CMRC hit@5", value: num(cmrc.hitAt5), unit: "rate" },
    { key: "cmrcMrr", label: "CMRC MRR", value: num(cmrc.mrr), unit: "rate" },
    { key: "cmrcAnswered", label: "CMRC answered (answerable)", value: num(cmrc.answered?.rate), unit: "rate", target: { op: ">=", value: 0.92 } },
    { key: "cmrcDocHit", label: "CMRC docHit", value: num(cmrc.docHit?.rate), unit: "rate", target: { op: ">=", value: 0.9 } },
    { key: "cmrcSpanHit", label: "CMRC spanHit", value: num(cmrc.spanHit?.rate), unit: "rate", target: { op: ">=", value: 0.75 } },
    ...(heldOut
      ? [
          { key: "cmrcNotFoundRecall", label: "CMRC not-found recall", value: num(cmrc.notFoundRecall?.rate), unit: "rate", target: { op: ">=", value: 0.85 } } as const,
          { key: "cmrcNotFoundPrecision", label: "CMRC not-found precision (balanced)", value: num(cmrc.notFoundPrecisionBalanced), unit: "rate", target: { op: ">=", value: 0.92 } } as const,
        ]
      : []),
    { key: "cmrcLatencyP50", label: "CMRC latency p50", value: num(cmrc.latencyMs.p50), unit: "ms" },
  ];
}

/** Returns "met", "missed" or "" (no target, or nothing measured). */
export function targetStatus(metric: HeadlineMetric): "met" | "missed" | "" {
  if (!metric.target || Number.isNaN(metric.value)) return "";
  const { op, value } = metric.target;
  const met = op === ">=" ? metric.value >= value : op === "<=" ? metric.value <= value : Math.abs(metric.value - value) < 1e-9;
  return met ? "met" : "missed";
}

function formatValue(value: number, unit: HeadlineMetric["unit"]): string {
  if (Number.isNaN(value)) return "n/a";
  return unit === "ms" ? `${value.toFixed(1)} ms` : value.toFixed(3);
}

/** Display width in a terminal: CJK and full-width characters take two columns. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(char) ? 2 : 1;
  return width;
}

function pad(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - displayWidth(text)));
}

function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = "";
  for (const char of text) {
    if (displayWidth(out + char) > width - 1) break;
    out += char;
  }
  return `${out}…`;
}

/** Returns aligned text columns, two spaces apart. */
export function formatColumns(rows: string[][]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, index) => (widths[index] = Math.max(widths[index] ?? 0, displayWidth(cell))));
  return rows.map((row) => row.map((cell, index) => pad(cell, widths[index] ?? 0)).join("  ").trimEnd()).join("\n");
}

/** True when a row shows a problem worth reading: a retrieval miss, a wrong answer, or an unverifiable quote or figure. */
export function isMiss(row: EvalRow): boolean {
  if (row.quotesNotVerbatim.length > 0 || row.unsupportedFigures.length > 0) return true;
  if (!row.answerable) return row.status !== "not_found";
  return row.correct !== true || row.rank === null || row.rank > 5;
}

function rowNote(row: EvalRow): string {
  const notes: string[] = [];
  if (row.quotesNotVerbatim.length > 0) notes.push(`${row.quotesNotVerbatim.length} quote(s) not verbatim`);
  if (row.unsupportedFigures.length > 0) notes.push(`unsupported: ${row.unsupportedFigures.join(" ")}`);
  if (row.error) notes.push(row.error);
  if ((row.repairs ?? 0) > 0) notes.push(`${row.repairs} repair round(s)`);
  if ((row.repointed ?? 0) > 0) notes.push(`${row.repointed} citation(s) re-pointed`);
  return notes.join("; ");
}

/** Returns the per-question table for the chosen rows. */
export function formatRows(rows: readonly EvalRow[]): string {
  const header = ["id", "kind", "lang", "status", "rank", "correct", "ms", "question", "note"];
  const lines = rows.map((row) => [
    row.id,
    row.kind,
    row.lang,
    row.status,
    row.rank === null ? "-" : String(row.rank),
    row.correct === null ? "-" : row.correct ? "yes" : "NO",
    row.latencyMs.toFixed(1),
    truncate(row.question, 36),
    rowNote(row),
  ]);
  return formatColumns([header, ...lines]);
}

/**
 * Returns a readable report: headline metrics with counts and targets, accuracy per kind, then
 * the per-question rows (`rows`: "misses" (default), "all" or "none").
 */
export function formatEvalTable(report: EvalReport, options: { rows?: "misses" | "all" | "none" } = {}): string {
  const answerable = report.rows.filter((row) => row.answerable).length;
  const lines = [
    `Gold eval: ${report.questions} questions (${answerable} answerable, ${report.questions - answerable} unanswerable); mode ${report.modes.join("+") || "-"}`,
  ];
  const settings = Object.entries(report.settings);
  if (settings.length > 0) lines.push(`Settings: ${settings.map(([key, value]) => `${key}=${value}`).join(", ")}`);
  lines.push("");
  const n = (questions: number) => `n=${questions}`;
  const counts: Record<string, string> = {
    hit1: n(report.retrieval.answerable.questions),
    hit5: n(report.retrieval.answerable.questions),
    mrr: n(report.retrieval.answerable.questions),
    hit1Shared: n(report.retrieval.sharesWording.questions),
    hit5Shared: n(report.retrieval.sharesWording.questions),
    mrrShared: n(report.retrieval.sharesWording.questions),
    hit5Paraphrase: n(report.retrieval.paraphrase.questions),
    hit5English: n(report.retrieval.english.questions),
    accuracyZh: `${report.accuracy.answerableZh.count}/${report.accuracy.answerableZh.total}`,
    accuracy: `${report.accuracy.answerable.count}/${report.accuracy.answerable.total}`,
    accuracyEn: `${report.accuracy.answerableEn.count}/${report.accuracy.answerableEn.total}`,
    quoteVerbatim: `${report.quoteVerbatim.count}/${report.quoteVerbatim.total} quotes`,
    figureSupport: `${report.figureSupport.count}/${report.figureSupport.total} figures`,
    notFoundPrecision: `tp=${report.notFound.truePositives} fp=${report.notFound.falsePositives}`,
    notFoundRecall: `fn=${report.notFound.falseNegatives}`,
  };
  const table = headlineMetrics(report).map((metric) => {
    const status = targetStatus(metric);
    const target = metric.target ? `${metric.target.op} ${metric.target.value}${status ? ` ${status}` : ""}` : "";
    return [metric.label, formatValue(metric.value, metric.unit), counts[metric.key] ?? "", target];
  });
  lines.push(formatColumns([["metric", "value", "count", "target"], ...table]));
  lines.push("");
  const kinds = Object.entries(report.accuracy.byKind).map(([kind, rate]) => `${kind} ${rate.count}/${rate.total}`);
  lines.push(`Accuracy by kind: ${kinds.join(", ")}`);
  if (report.repairs) {
    const { repairRounds, answersRepaired, repointedCitations, answersRepointed } = report.repairs;
    lines.push(`Repairs: ${answersRepaired} of ${report.questions} answers needed a repair round (${repairRounds} rounds); ${repointedCitations} citations re-pointed (in ${answersRepointed} answers)`);
  }
  const mode = options.rows ?? "misses";
  if (mode !== "none") {
    const rows = mode === "all" ? report.rows : report.rows.filter(isMiss);
    lines.push("");
    lines.push(mode === "all" ? "Questions:" : `Misses (${rows.length}):`);
    if (rows.length > 0) lines.push(formatRows(rows));
  }
  return lines.join("\n");
}

/** Returns a table of the headline metrics of two reports and their difference (b − a). */
export function formatComparison(a: EvalReport, b: EvalReport, labels: [string, string] = ["a", "b"]): string {
  const before = new Map(headlineMetrics(a).map((metric) => [metric.key, metric]));
  const after = new Map(headlineMetrics(b).map((metric) => [metric.key, metric]));
  // Union in display order, so CMRC rows show even when only one run measured them.
  const keys = [...new Set([...before.keys(), ...after.keys()])];
  const rows = keys.map((key) => {
    const metric = (before.get(key) ?? after.get(key)) as HeadlineMetric;
    const first = before.get(key)?.value ?? Number.NaN;
    const second = after.get(key)?.value ?? Number.NaN;
    const delta = second - first;
    const deltaText = Number.isNaN(delta) ? "n/a" : `${delta >= 0 ? "+" : ""}${metric.unit === "ms" ? delta.toFixed(1) : delta.toFixed(3)}`;
    return [metric.label, formatValue(first, metric.unit), formatValue(second, metric.unit), deltaText];
  });
  return formatColumns([["metric", labels[0], labels[1], "delta"], ...rows]);
}

const SWEEP_KEYS = ["hit1", "hit5", "mrr", "hit5Shared", "accuracyZh", "accuracy", "quoteVerbatim", "figureSupport", "notFoundPrecision", "notFoundRecall", "latencyP50", "latencyP99"];
const SWEEP_CMRC_KEYS = ["cmrcHit1", "cmrcAnswered", "cmrcDocHit", "cmrcSpanHit", "cmrcNotFoundRecall", "cmrcNotFoundPrecision"];

/** Returns one row per labelled report (e.g. per chunk size) with the main headline metrics. */
export function formatSweepTable(entries: ReadonlyArray<{ label: string; report: EvalReport }>): string {
  const withCmrc = entries.some(({ report }) => report.cmrc !== undefined && !("skipped" in report.cmrc));
  const keys = withCmrc ? [...SWEEP_KEYS, ...SWEEP_CMRC_KEYS] : SWEEP_KEYS;
  const header = ["setting", "chunks", ...keys];
  const rows = entries.map(({ label, report }) => {
    const metrics = new Map(headlineMetrics(report).map((metric) => [metric.key, metric]));
    return [
      label,
      String(report.settings.chunks ?? "?"),
      ...keys.map((key) => {
        const metric = metrics.get(key);
        return metric ? formatValue(metric.value, metric.unit).replace(" ms", "") : "n/a";
      }),
    ];
  });
  return formatColumns([header, ...rows]);
}
