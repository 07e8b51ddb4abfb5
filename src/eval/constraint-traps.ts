/**
 * Trap and control questions on the shipped report (test/eval/constraint-traps.json, a
 * development set): a trap's indicator, subject, place, period, level or modality differs from a
 * figure nearby (the trap figure); a control is answerable, phrased as people type. The run
 * counts traps answered with the trap figure (the failure that matters), traps declined or
 * plainly stated as different (status not_found), and controls led with the right figure.
 */
import { readFile } from "node:fs/promises";
import { z } from "zod";
import type { Answer } from "../answer/types.js";
import { normalizeForMatch } from "../text/normalize.js";

const ITEM = z.discriminatedUnion("kind", [
  z.object({ id: z.string(), question: z.string(), kind: z.literal("trap"), trapKind: z.string(), trapFigure: z.string() }),
  z.object({ id: z.string(), question: z.string(), kind: z.literal("control"), figure: z.string() }),
]);

/** One trap or control question. */
export type TrapItem = z.infer<typeof ITEM>;

/** What the run found, by question kind. */
export interface TrapReport {
  traps: number;
  /** Traps answered (status answered) with the trap figure in the answer text. */
  answeredWithTrapFigure: string[];
  /** Traps declined, or plainly stated as different (both status not_found). */
  declinedOrDifferent: number;
  /** Of those, how many said what the reports give instead. */
  plainlyDifferent: number;
  controls: number;
  /** Controls whose answer text, before its first marker, holds the right figure. */
  ledWithRightFigure: number;
  controlMisses: string[];
  /** Declines whose closest passage holds the figure of a control: the answer was shown under a "not found". */
  controlDeclinesShowingAnswer: number;
}

/** Reads and checks a trap file; throws with the file name when it does not parse. */
export async function loadTrapItems(path: string): Promise<TrapItem[]> {
  const parsed = z.array(ITEM).safeParse(JSON.parse(await readFile(path, "utf8")));
  if (!parsed.success) throw new Error(`${path}: not a trap file (${parsed.error.issues[0]?.message ?? "invalid"})`);
  return parsed.data;
}

const matchable = (text: string) => normalizeForMatch(text).text;

/** Returns the report for `items` and the answers given to them (same order). Pure. */
export function scoreTraps(items: readonly TrapItem[], answers: readonly Answer[]): TrapReport {
  const report: TrapReport = { traps: 0, answeredWithTrapFigure: [], declinedOrDifferent: 0, plainlyDifferent: 0, controls: 0, ledWithRightFigure: 0, controlMisses: [], controlDeclinesShowingAnswer: 0 };
  items.forEach((item, index) => {
    const answer = answers[index]!;
    if (item.kind === "trap") {
      report.traps++;
      if (answer.status === "answered" && matchable(answer.text).includes(matchable(item.trapFigure))) report.answeredWithTrapFigure.push(`${item.id} ${item.question} → ${answer.text.slice(0, 60)}`);
      if (answer.status === "not_found") {
        report.declinedOrDifferent++;
        if (answer.instead) report.plainlyDifferent++;
      }
      return;
    }
    report.controls++;
    const lead = answer.text.split(/\[\d+\]/u)[0] ?? "";
    if (answer.status === "answered" && matchable(lead).includes(matchable(item.figure))) report.ledWithRightFigure++;
    else report.controlMisses.push(`${item.id} ${item.question} → ${answer.status} ${answer.text.slice(0, 60)}`);
    if (answer.status === "not_found" && matchable(answer.closest?.[0]?.text ?? "").includes(matchable(item.figure))) report.controlDeclinesShowingAnswer++;
  });
  return report;
}

/** Asks every item with `ask` and returns the report. */
export async function runTraps(items: readonly TrapItem[], ask: (question: string) => Promise<Answer>): Promise<TrapReport> {
  const answers: Answer[] = [];
  for (const item of items) answers.push(await ask(item.question));
  return scoreTraps(items, answers);
}

/** Returns the report as printed lines. */
export function formatTrapReport(report: TrapReport): string {
  const share = (part: number, whole: number) => `${part}/${whole} (${whole === 0 ? "0.0" : ((part / whole) * 100).toFixed(1)}%)`;
  return [
    `Constraint traps: ${report.traps} traps, ${report.controls} controls`,
    `  traps answered with the trap figure   ${share(report.answeredWithTrapFigure.length, report.traps)}`,
    `  traps declined or plainly different   ${share(report.declinedOrDifferent, report.traps)} (plainly different: ${report.plainlyDifferent})`,
    `  controls led with the right figure    ${share(report.ledWithRightFigure, report.controls)}`,
    `  control declines showing the answer   ${report.controlDeclinesShowingAnswer}`,
    ...report.answeredWithTrapFigure.map((line) => `  trap answered: ${line}`),
    ...report.controlMisses.map((line) => `  control missed: ${line}`),
  ].join("\n");
}
