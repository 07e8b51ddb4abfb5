import type { DialogueReport, Rate } from "./run-dialogues.js";

const percent = (rate: Rate) => (rate.total === 0 ? "   –  " : `${((100 * rate.right) / rate.total).toFixed(0).padStart(4)}% (${rate.right}/${rate.total})`);

/** Returns the dialogue eval's table: one line per rate, then every turn that was not right. */
export function formatDialogueReport(report: DialogueReport, options: { misses?: boolean; through?: string } = {}): string {
  const { rates } = report;
  const lines = [
    `Dialogues (${report.corpus}): ${report.dialogues} dialogues, ${report.turns.length} turns${options.through ? `, through ${options.through}` : ""}`,
    `  openings and topic changes right      ${percent(rates.openings)}`,
    `  follow-ups right                      ${percent(rates.followUps)}`,
    `  follow-ups, figure in first sentence  ${percent(rates.followUpsFirstSentence)}`,
    `  not in the report: declined           ${percent(rates.declined)}`,
    `  replies to an earlier answer right    ${percent(rates.replies)}`,
    `  small talk left as typed              ${percent(rates.smallTalk)}`,
  ];
  const misses = report.turns.filter((turn) => !turn.right || (turn.turn.figure && !turn.firstSentence));
  if (options.misses !== false && misses.length > 0) {
    lines.push("  not right (or figure not in the first sentence):");
    for (const miss of misses) {
      const expected = miss.turn.figure ? `want ${miss.turn.figure}` : miss.turn.notFigure ? `must not state ${miss.turn.notFigure}` : "";
      lines.push(`    ${miss.dialogue}#${miss.index} [${miss.turn.kind}] ${miss.turn.message} → “${miss.question}” ${miss.status}: ${miss.text.replace(/\s+/gu, " ").slice(0, 80)} (${expected})`);
    }
  }
  return lines.join("\n");
}
