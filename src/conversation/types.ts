/**
 * What a conversation remembers: its last turns, each with the standalone question that was
 * answered, what that question was about (its slots), the answer's figures and the document
 * it cited. The bot, the terminal chat and the eval share these types; answer/ and retrieve/
 * never see them (they only receive the standalone question).
 */

/** What a question is about, slot by slot; a follow-up replaces the slots it names and keeps the rest. */
export interface QuestionSlots {
  /** The thing asked about (高技术制造业,智慧医疗, "high-tech manufacturing"). */
  subject?: string;
  /** What is measured of it (增加值同比增长, 比重, 排名, growth, share). */
  indicator?: string;
  /** Where (四川, 全省, 全国, Sichuan). */
  place?: string;
  /** When (2024年上半年, 2023年, 去年, "the first half of 2024"). */
  period?: string;
}

/** One answered turn of a conversation. */
export interface Turn {
  /**
   * Identifies the turn (the Telegram update id, or a counter): a retried update records the
   * same id again and the store keeps one turn.
   */
  id: string;
  /** The message as the user typed it. */
  typed: string;
  /** The standalone question that was retrieved, answered and audited. */
  question: string;
  slots: QuestionSlots;
  /** Figures of the answer's first sentence (6.9%, 第4位), for the model's condense prompt. */
  figures: string[];
  /** The document the answer cited first, if it cited one. */
  documentId?: string;
  documentTitle?: string;
  status: "answered" | "not_found" | "failed";
  /** When the turn was recorded (ms since the epoch, from the store's clock). */
  at: number;
}

/** A conversation's key (see conversation-key.ts): private chat, per user in a group, per topic and user. */
export type ConversationKey = string;

/** Where an answer message sits: the conversation and the turn it answered. */
export interface AnswerMessageLink {
  key: ConversationKey;
  turnId: string;
}

type MaybePromise<T> = T | Promise<T>;

/**
 * Where conversations live: this process's memory (embedded) or Redis (fleet mode, shared by
 * replicas). A conversation not touched for the lapse is gone; reading it returns no turns.
 */
export interface TurnStore {
  /** The conversation's remembered turns, oldest first (none when it lapsed or never began). */
  turns(key: ConversationKey): MaybePromise<Turn[]>;
  /**
   * Appends `turn` (keeping the last `maxTurns`) and restarts the lapse. A turn whose id is
   * already stored replaces nothing and is not added twice.
   */
  append(key: ConversationKey, turn: Turn): MaybePromise<void>;
  /** Forgets the conversation (/new, /reset). */
  clear(key: ConversationKey): MaybePromise<void>;
  /** Remembers which conversation and turn an answer message (chat id, message id) belongs to. */
  linkMessage(chatId: number, messageId: number, link: AnswerMessageLink): MaybePromise<void>;
  /** The conversation and turn of an answer message, while it has not lapsed. */
  messageLink(chatId: number, messageId: number): MaybePromise<AnswerMessageLink | undefined>;
  /** Releases connections (Redis); nothing for memory. */
  close?(): Promise<void>;
}

/** Settings every store shares. */
export interface TurnStoreOptions {
  /** Turns kept per conversation. */
  maxTurns: number;
  /** A conversation (and its answer-message links) quiet this long is forgotten. */
  lapseMs: number;
  /** Current time in ms; injected so tests can let a conversation lapse. Default Date.now. */
  now?: () => number;
}
