import { randomBytes } from "node:crypto";
import type pg from "pg";
import { answerRecordOf } from "../audit/answer-record.js";
import { refusalStats } from "../audit/audit-log.js";
import type { AnswerRecord, AuditEntry, AuditStats, AuditStore, RecordAnswerInput } from "../audit/types.js";
import { storeCall } from "./errors.js";
import { groupCommit } from "./group-commit.js";
import { answerIdForUpdate } from "./update-identity.js";

/** An answer record waiting for its insert. */
interface PendingAnswer {
  record: AnswerRecord;
  updateId: number | undefined;
  totalMs: number;
}

/** Columns of one audit_answers row in the insert. */
const ANSWER_COLUMNS = 12;

interface AnswerRow {
  record: AnswerRecord;
  feedback: AuditEntry["feedback"] | null;
}

/**
 * Returns the fleet's AuditStore on PostgreSQL (tables audit_answers and audit_feedback, see
 * migrations.ts): every replica records here, `npm run audit` and `/stats` read from here.
 * An answer to an update gets an id derived from the update, so a retried update keeps one record.
 * Every failure is a StoreUnavailableError (the update is then retried). Answers recorded at
 * the same time share one INSERT (group commit): each recordAnswer still resolves only once its
 * row is stored.
 */
export function createPostgresAuditStore(options: { pool: pg.Pool; botId: number; replica?: string }): AuditStore {
  const { pool } = options;
  const entries = (rows: AnswerRow[]): AuditEntry[] => rows.map((row) => ({ ...row.record, feedback: row.feedback ?? [] }));
  const selectAnswers = `
    SELECT a.record, (
      SELECT json_agg(json_build_object('rating', f.rating, 'userId', f.user_id, 'time', f.time) ORDER BY f.time)
      FROM audit_feedback f WHERE f.answer_id = a.id
    ) AS feedback
    FROM audit_answers a`;

  // Answers recorded while another insert is in flight go together in the next one.
  const insertAnswer = groupCommit<PendingAnswer>(async (batch) => {
    // A retry of the same update replaces the record (it holds what was finally shown); one
    // statement may not touch a row twice, so within a batch the latest record of an id wins.
    const latest = [...new Map(batch.map((pending) => [pending.record.id, pending])).values()];
    const values: unknown[] = [];
    const rows = latest.map((pending, row) => {
      const { record } = pending;
      const unverified = record.citations.filter((citation) => !citation.verified).length;
      values.push(
        record.id, record.time, record.chatId, record.userId ?? null, pending.updateId ?? null, record.replica ?? null,
        record.generationId ?? null, record.status, Math.round(pending.totalMs),
        record.verificationErrors.length > 0 || unverified > 0, unverified, JSON.stringify(record),
      );
      return `(${Array.from({ length: ANSWER_COLUMNS }, (_, column) => `$${row * ANSWER_COLUMNS + column + 1}`).join(", ")})`;
    });
    await pool.query(
      `INSERT INTO audit_answers (id, time, chat_id, user_id, update_id, replica, generation_id, status, total_ms,
         verification_failed, unverified_citations, record)
       VALUES ${rows.join(", ")}
       ON CONFLICT (id) DO UPDATE SET time = EXCLUDED.time, replica = EXCLUDED.replica, generation_id = EXCLUDED.generation_id,
         status = EXCLUDED.status, total_ms = EXCLUDED.total_ms, verification_failed = EXCLUDED.verification_failed,
         unverified_citations = EXCLUDED.unverified_citations, record = EXCLUDED.record`,
      values,
    );
  });

  return {
    recordRefusal(refusal) {
      return storeCall("postgres", "recording a refusal", async () => {
        await pool.query("INSERT INTO audit_refusals (chat_id, user_id, kind) VALUES ($1, $2, $3)", [refusal.chatId ?? null, refusal.userId ?? null, refusal.kind]);
      });
    },

    recordAnswer(input: RecordAnswerInput) {
      return storeCall("postgres", "recording an answer", async () => {
        const id = input.updateId === undefined ? randomBytes(8).toString("base64url").slice(0, 10) : answerIdForUpdate(options.botId, input.updateId);
        const record = answerRecordOf(id, input, options.replica);
        await insertAnswer({ record, updateId: input.updateId, totalMs: input.totalMs });
        return id;
      });
    },

    recordFeedback(answerId, rating, userId) {
      return storeCall("postgres", "recording feedback", async () => {
        const result = await pool.query(
          `INSERT INTO audit_feedback (answer_id, voter, user_id, rating, time)
           SELECT id, $2, $3, $4, now() FROM audit_answers WHERE id = $1
           ON CONFLICT (answer_id, voter) DO UPDATE SET rating = EXCLUDED.rating, time = EXCLUDED.time`,
          [answerId, String(userId ?? "anonymous"), userId ?? null, rating],
        );
        return (result.rowCount ?? 0) > 0;
      });
    },

    getAnswer(answerId) {
      return storeCall("postgres", "reading an answer", async () => {
        const result = await pool.query<AnswerRow>(`${selectAnswers} WHERE a.id = $1`, [answerId]);
        return entries(result.rows)[0];
      });
    },

    readRecent(count) {
      return storeCall("postgres", "reading recent answers", async () => {
        const result = await pool.query<AnswerRow>(
          `SELECT * FROM (${selectAnswers} ORDER BY a.time DESC, a.id DESC LIMIT $1) recent ORDER BY (record->>'time') ASC`,
          [Math.max(0, count)],
        );
        return entries(result.rows);
      });
    },

    stats() {
      return storeCall("postgres", "computing stats", async () => {
        // Aggregated in the database: /stats never reads the whole log into memory.
        const { rows } = await pool.query<{
          questions: string; answered: string; not_found: string; failed: string; verification_failures: string;
          unverified: string | null; p50: number | null; p99: number | null; up: string; down: string;
        }>(`
          SELECT count(*) AS questions,
                 count(*) FILTER (WHERE status = 'answered') AS answered,
                 count(*) FILTER (WHERE status = 'not_found') AS not_found,
                 count(*) FILTER (WHERE status = 'failed') AS failed,
                 count(*) FILTER (WHERE verification_failed) AS verification_failures,
                 sum(unverified_citations) AS unverified,
                 percentile_cont(0.5) WITHIN GROUP (ORDER BY total_ms) AS p50,
                 percentile_cont(0.99) WITHIN GROUP (ORDER BY total_ms) AS p99,
                 (SELECT count(*) FROM audit_feedback WHERE rating = 'up') AS up,
                 (SELECT count(*) FROM audit_feedback WHERE rating = 'down') AS down
          FROM audit_answers`);
        const row = rows[0]!;
        const questions = Number(row.questions);
        const notFound = Number(row.not_found);
        const refusals = await pool.query<{ kind: string; user_id: string | null; count: string }>(
          "SELECT kind, user_id, count(*) AS count FROM audit_refusals GROUP BY kind, user_id",
        );
        const refusalRows = refusals.rows.map((refusal) => ({
          kind: refusal.kind as "question" | "button",
          userId: refusal.user_id === null ? undefined : Number(refusal.user_id),
          count: Number(refusal.count),
        }));
        const stats: AuditStats = {
          questions,
          answered: Number(row.answered),
          notFound,
          failed: Number(row.failed),
          notFoundRate: questions === 0 ? 0 : notFound / questions,
          verificationFailures: Number(row.verification_failures),
          unverifiedCitations: Number(row.unverified ?? 0),
          latencyMs: { p50: Math.round(Number(row.p50 ?? 0)), p99: Math.round(Number(row.p99 ?? 0)) },
          feedback: { up: Number(row.up), down: Number(row.down) },
          refused: refusalStats(refusalRows),
        };
        return stats;
      });
    },
  };
}
