import type { Answer, Citation } from "../answer/types.js";

/** One answered (or not found, or failed) question, as written to the audit log. */
export interface AnswerRecord {
  type: "answer";
  /** Short id carried in button callback data. */
  id: string;
  /** ISO time the answer was recorded. */
  time: string;
  chatId: number;
  userId: number | undefined;
  question: string;
  status: Answer["status"];
  mode: Answer["mode"];
  model: string | undefined;
  retrieved: Array<{ chunkId: string; score: number }>;
  citations: Array<Omit<Citation, "documentId">>;
  verificationErrors: string[];
  latency: { retrieveMs: number; answerMs: number; totalMs: number };
  fallbackReason?: string;
  error?: string;
}

/** A 👍 / 👎 on an answer. */
export interface FeedbackRecord {
  type: "feedback";
  answerId: string;
  time: string;
  userId: number | undefined;
  rating: "up" | "down";
}

/** An answer with the feedback it received (latest rating per user). */
export interface AuditEntry extends AnswerRecord {
  feedback: Array<{ rating: "up" | "down"; userId: number | undefined; time: string }>;
}

/** Figures shown by `/stats`. */
export interface AuditStats {
  questions: number;
  answered: number;
  notFound: number;
  failed: number;
  /** notFound / questions, 0 when there are none. */
  notFoundRate: number;
  /** Answers with at least one unverified citation or a verification error. */
  verificationFailures: number;
  unverifiedCitations: number;
  latencyMs: { p50: number; p99: number };
  feedback: { up: number; down: number };
}

/** What the bot passes when recording an answer; the log adds id and time. */
export interface RecordAnswerInput {
  chatId: number;
  userId: number | undefined;
  answer: Answer;
  totalMs: number;
}

/** Append-only JSONL audit log of answers and feedback. */
export interface AuditLog {
  /** Appends the answer and returns its id. */
  recordAnswer(input: RecordAnswerInput): string;
  /** Appends feedback; returns false when the answer id is unknown. */
  recordFeedback(answerId: string, rating: "up" | "down", userId: number | undefined): boolean;
  /** The answer with its feedback, or undefined. */
  getAnswer(answerId: string): AuditEntry | undefined;
  /** The last `count` answers, oldest first, each merged with its feedback. */
  readRecent(count: number): AuditEntry[];
  stats(): AuditStats;
  /** Path of the JSONL file. */
  readonly path: string;
}
