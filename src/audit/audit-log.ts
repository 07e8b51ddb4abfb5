import { randomBytes } from "node:crypto";
import { appendFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { scrubSecretsInFields } from "../secrets/scrub-secrets.js";
import { percentile } from "../stats/percentile.js";
import { answerRecordOf } from "./answer-record.js";
import type { AnswerRecord, AuditEntry, AuditLog, AuditStats, FeedbackRecord, RecordAnswerInput, RefusalRecord } from "./types.js";

/** File name of the audit log inside DATA_DIR. */
export const AUDIT_FILE_NAME = "audit.jsonl";

/**
 * Returns the record with every secret (the given ones and any key- or token-shaped string)
 * removed from its free-text fields; every audit store applies it before it writes.
 */
export function scrubAuditRecord<T extends AnswerRecord | FeedbackRecord | RefusalRecord>(record: T, secrets: ReadonlyArray<string | undefined> = []): T {
  if (record.type !== "answer") return record;
  return scrubSecretsInFields(record as AnswerRecord, ["question", "error", "fallbackReason", "verificationErrors"], secrets) as T;
}

/**
 * Opens (creating if needed) DATA_DIR/audit.jsonl and returns the log. Existing lines are read
 * once; a truncated or malformed line (e.g. after a crash mid-write) is skipped, never fatal.
 * @throws when DATA_DIR cannot be created or the file cannot be read.
 */
export function createAuditLog(options: {
  dataDir: string;
  /** Secrets to scrub from records (bot token, API keys). Default: none beyond secret-shaped strings. */
  secrets?: ReadonlyArray<string | undefined>;
}): AuditLog {
  mkdirSync(options.dataDir, { recursive: true });
  const filePath = path.join(options.dataDir, AUDIT_FILE_NAME);
  const answers = new Map<string, AnswerRecord>();
  const feedback = new Map<string, Map<string, FeedbackRecord>>();
  const refusals: RefusalRecord[] = [];

  const apply = (record: AnswerRecord | FeedbackRecord | RefusalRecord) => {
    if (record.type === "refusal") {
      refusals.push(record);
    } else if (record.type === "answer") {
      answers.set(record.id, record);
    } else {
      const byUser = feedback.get(record.answerId) ?? new Map<string, FeedbackRecord>();
      byUser.set(String(record.userId ?? "anonymous"), record);
      feedback.set(record.answerId, byUser);
    }
  };

  if (existsSync(filePath)) {
    const content = readFileSync(filePath, "utf8");
    for (const line of content.split("\n")) {
      const record = parseLine(line);
      if (record) apply(record);
    }
    // A crash mid-write leaves no trailing newline; start the next record on its own line.
    if (content.length > 0 && !content.endsWith("\n")) appendFileSync(filePath, "\n");
  }

  const append = (unscrubbed: AnswerRecord | FeedbackRecord | RefusalRecord) => {
    const record = scrubAuditRecord(unscrubbed, options.secrets);
    appendFileSync(filePath, `${JSON.stringify(record)}\n`);
    apply(record);
  };

  const withFeedback = (record: AnswerRecord): AuditEntry => ({
    ...record,
    feedback: [...(feedback.get(record.id)?.values() ?? [])].map(({ rating, userId, time }) => ({ rating, userId, time })),
  });

  return {
    path: filePath,
    recordAnswer(input: RecordAnswerInput): string {
      let id = newAnswerId();
      while (answers.has(id)) id = newAnswerId();
      append(answerRecordOf(id, input));
      return id;
    },
    recordFeedback(answerId, rating, userId) {
      if (!answers.has(answerId)) return false;
      append({ type: "feedback", answerId, time: new Date().toISOString(), userId, rating });
      return true;
    },
    getAnswer(answerId) {
      const record = answers.get(answerId);
      return record ? withFeedback(record) : undefined;
    },
    readRecent(count) {
      return [...answers.values()].slice(-Math.max(0, count)).map(withFeedback);
    },
    stats() {
      return computeStats([...answers.values()].map(withFeedback), refusals);
    },
    recordRefusal(refusal) {
      append({ type: "refusal", time: new Date().toISOString(), ...refusal });
    },
  };
}

/** Returns the refusal figures of `/stats`: questions and button presses refused, the most refused users first (at most 10). */
export function refusalStats(refusals: ReadonlyArray<Pick<RefusalRecord, "userId" | "kind"> & { count?: number }>): AuditStats["refused"] {
  const byUser = new Map<number | undefined, number>();
  const total = { question: 0, button: 0 };
  for (const refusal of refusals) {
    const count = refusal.count ?? 1;
    byUser.set(refusal.userId, (byUser.get(refusal.userId) ?? 0) + count);
    total[refusal.kind] += count;
  }
  return {
    questions: total.question,
    buttons: total.button,
    byUser: [...byUser].map(([userId, count]) => ({ userId, count })).sort((a, b) => b.count - a.count).slice(0, 10),
  };
}

/** Returns the figures for `/stats` from answers merged with their feedback, and the refusals. */
export function computeStats(entries: AuditEntry[], refusals: ReadonlyArray<Pick<RefusalRecord, "userId" | "kind">> = []): AuditStats {
  const count = (status: AnswerRecord["status"]) => entries.filter((entry) => entry.status === status).length;
  const notFound = count("not_found");
  const ratings = entries.flatMap((entry) => entry.feedback.map((item) => item.rating));
  return {
    questions: entries.length,
    answered: count("answered"),
    notFound,
    failed: count("failed"),
    notFoundRate: entries.length === 0 ? 0 : notFound / entries.length,
    verificationFailures: entries.filter(
      (entry) => entry.verificationErrors.length > 0 || entry.citations.some((citation) => !citation.verified),
    ).length,
    unverifiedCitations: entries.reduce((sum, entry) => sum + entry.citations.filter((citation) => !citation.verified).length, 0),
    // An empty log reports 0 ms rather than NaN, which /stats would print as "NaN ms"; whole
    // milliseconds, since interpolating between two records can land on a fraction.
    latencyMs: {
      p50: entries.length === 0 ? 0 : Math.round(percentile(entries.map((entry) => entry.latency.totalMs), 50)),
      p99: entries.length === 0 ? 0 : Math.round(percentile(entries.map((entry) => entry.latency.totalMs), 99)),
    },
    feedback: {
      up: ratings.filter((rating) => rating === "up").length,
      down: ratings.filter((rating) => rating === "down").length,
    },
    refused: refusalStats(refusals),
  };
}

function parseLine(line: string): AnswerRecord | FeedbackRecord | RefusalRecord | undefined {
  if (line.trim() === "") return undefined;
  try {
    const value = JSON.parse(line) as { type?: string };
    if (value.type === "answer" || value.type === "feedback" || value.type === "refusal") return value as AnswerRecord | FeedbackRecord | RefusalRecord;
  } catch {
    // truncated line: skip
  }
  return undefined;
}

/** 10 base36-ish characters: short enough for 64-byte callback data, unique enough for an audit log. */
function newAnswerId(): string {
  return randomBytes(8).toString("base64url").slice(0, 10);
}
