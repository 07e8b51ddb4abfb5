import type { AuditEntry, AuditStats } from "./types.js";

/** What the listing says before the first chat answer: `npm run ask` and the terminal chat record nothing. */
export const NO_ANSWERS_YET = "No answers recorded yet. Only answers given in Telegram chats are recorded (not those of `npm run ask` or the terminal chat).";

/** Returns a human-readable review listing of audit entries (oldest first), one block per answer. */
export function formatAuditEntries(entries: AuditEntry[]): string {
  if (entries.length === 0) return NO_ANSWERS_YET;
  return entries
    .map((entry) => {
      const up = entry.feedback.filter((item) => item.rating === "up").length;
      const down = entry.feedback.filter((item) => item.rating === "down").length;
      const lines = [
        `${entry.time}  user ${entry.userId ?? "?"}  chat ${entry.chatId}  [${entry.id}]` +
          (entry.replica ? `  replica ${entry.replica}` : "") +
          (entry.generationId ? `  generation ${entry.generationId}` : ""),
        `  Q: ${oneLine(entry.question)}`,
        ...(entry.corrections?.length ? [`  read: ${entry.corrections.map(({ typed, read }) => `${typed} → ${read}`).join(", ")}`] : []),
        // What the user was shown, so a 👎 can be reviewed against it (records before it was kept have none).
        ...(entry.text !== undefined ? [`  A: ${oneLine(entry.text, 400)}`] : []),
        `  ${entry.smallTalk ? `small talk (${entry.smallTalk})` : entry.status} · ${entry.mode}${entry.model ? ` (${entry.model})` : ""} · ${entry.latency.totalMs} ms` +
          (up || down ? ` · 👍 ${up} 👎 ${down}` : ""),
        ...entry.citations.map(
          (citation) =>
            `  ${citation.verified ? "✓" : "✗"} [${citation.n}] ${citation.documentTitle} ¶${citation.paragraph}${citation.page === undefined ? "" : ` p.${citation.page}`}${citation.machineRead ? " (OCR)" : ""}: ${oneLine(citation.quote, 120)}`,
        ),
        ...entry.verificationErrors.map((error) => `  ! ${oneLine(error, 160)}`),
        ...(entry.error ? [`  error: ${oneLine(entry.error, 160)}`] : []),
      ];
      return lines.join("\n");
    })
    .join("\n\n");
}

/** Returns the stats as plain text lines (used by the audit script). */
export function formatAuditStats(stats: AuditStats): string {
  return [
    `questions ${stats.questions} · answered ${stats.answered} · not found ${stats.notFound} (${(stats.notFoundRate * 100).toFixed(1)}%) · failed ${stats.failed}`,
    `verification failures ${stats.verificationFailures} (unverified citations ${stats.unverifiedCitations})`,
    `latency p50 ${stats.latencyMs.p50} ms · p99 ${stats.latencyMs.p99} ms · feedback 👍 ${stats.feedback.up} 👎 ${stats.feedback.down}`,
    `refused (on no allow-list) ${stats.refused.questions} questions, ${stats.refused.buttons} button presses` +
      (stats.refused.byUser.length ? ` · by ${stats.refused.byUser.map((entry) => `user ${entry.userId ?? "?"} ×${entry.count}`).join(", ")}` : ""),
  ].join("\n");
}

function oneLine(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
