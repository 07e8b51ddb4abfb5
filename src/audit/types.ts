import type { Answer, Citation, SmallTalkIntent } from "../answer/types.js";

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
  /** The message as typed, when it was a follow-up answered as `question`. */
  typed?: string;
  /** The answer text as delivered to the user (the reply without markup). */
  text?: string;
  status: Answer["status"];
  mode: Answer["mode"];
  model: string | undefined;
  retrieved: Array<{ chunkId: string; score: number }>;
  citations: Array<Omit<Citation, "documentId">>;
  verificationErrors: string[];
  latency: { retrieveMs: number; answerMs: number; totalMs: number };
  fallbackReason?: string;
  error?: string;
  /** Index generation the answer was read from. */
  generationId?: string;
  /** Fleet mode: the replica that answered. */
  replica?: string;
  /** Set when the message was small talk (its intent): answered with the short reply, no retrieval. */
  smallTalk?: SmallTalkIntent;
  /** Words of the question read as index terms before answering. */
  corrections?: Answer["corrections"];
  /** The collections the answer could read from (the chat's grant), or "all" when no grant file is configured. */
  collections?: "all" | string[];
}

/** A message or button press from someone the bot does not serve (see src/access). */
export interface RefusalRecord {
  type: "refusal";
  time: string;
  chatId: number | undefined;
  userId: number | undefined;
  /** A question or command, or a button press. */
  kind: "question" | "button";
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
  /** Messages and button presses refused because the sender is on no allow-list, and by whom (most first, at most 10). */
  refused: { questions: number; buttons: number; byUser: Array<{ userId: number | undefined; count: number }> };
}

/** What the bot passes when recording an answer; the log adds id and time. */
export interface RecordAnswerInput {
  chatId: number;
  userId: number | undefined;
  answer: Answer;
  totalMs: number;
  /** The reply as the user saw it (plain text); recorded as the record's `text`. Default the answer's own text. */
  deliveredText?: string;
  /**
   * The Telegram update being answered. A store that answers retries (fleet mode) derives the
   * answer id from it, so recording the same update twice keeps one record.
   */
  updateId?: number;
  /** The collections the answer could read from, as {@link AnswerRecord.collections}. */
  collections?: "all" | string[];
}

type MaybePromise<T> = T | Promise<T>;

/**
 * Where answers and feedback are recorded and read back: the JSONL file in DATA_DIR (embedded,
 * synchronous) or PostgreSQL (fleet mode, shared by every replica). Callers await every result.
 */
export interface AuditStore {
  /** Records the answer and returns its id. */
  recordAnswer(input: RecordAnswerInput): MaybePromise<string>;
  /** Records feedback; false when the answer id is unknown. */
  recordFeedback(answerId: string, rating: "up" | "down", userId: number | undefined): MaybePromise<boolean>;
  /** The answer with its feedback, or undefined. */
  getAnswer(answerId: string): MaybePromise<AuditEntry | undefined>;
  /** The last `count` answers, oldest first, each merged with its feedback. */
  readRecent(count: number): MaybePromise<AuditEntry[]>;
  stats(): MaybePromise<AuditStats>;
  /** Counts a refused message or button press (for `/stats`). */
  recordRefusal(refusal: Omit<RefusalRecord, "type" | "time">): MaybePromise<void>;
}

/** Append-only JSONL audit log of answers and feedback (the embedded AuditStore). */
export interface AuditLog extends AuditStore {
  recordAnswer(input: RecordAnswerInput): string;
  recordFeedback(answerId: string, rating: "up" | "down", userId: number | undefined): boolean;
  getAnswer(answerId: string): AuditEntry | undefined;
  readRecent(count: number): AuditEntry[];
  stats(): AuditStats;
  recordRefusal(refusal: Omit<RefusalRecord, "type" | "time">): void;
  /** Path of the JSONL file. */
  readonly path: string;
}
