import type { RetrievedPassage } from "../retrieve/types.js";

/** A quote shown to the user; `verified` is set only by the citation verifier. */
export interface Citation {
  /** The [n] marker number used in the answer text. */
  n: number;
  documentId: string;
  documentTitle: string;
  paragraph: number;
  /** 1-based page the quote starts on, for documents with pages (PDF). */
  page?: number;
  /** The quote comes from an OCR'd page: machine-read, to be checked against the scan. */
  machineRead?: true;
  chunkId: string;
  /** Exact sentence(s) from the canonical text. */
  quote: string;
  verified: boolean;
  /** Offsets of the quote in the document's canonical text, when verified. */
  start?: number;
  end?: number;
  /** Set when the model cited another passage and the verifier found the quote, verbatim, in exactly this one. */
  repointed?: true;
}

/** The one answer object every caller (bot, terminal chat, `ask`, eval) receives. */
export interface Answer {
  status: "answered" | "not_found" | "failed";
  mode: "llm" | "extractive";
  /** Answer text with [n] markers. */
  text: string;
  citations: Citation[];
  timings: { retrieveMs: number; answerMs: number };
  /** The question that was retrieved, answered and verified (a follow-up's standalone reading). */
  question: string;
  /** The message as the user typed it, when it was a follow-up read as `question` (see src/conversation/). */
  typedQuestion?: string;
  /** Model name for the llm mode. */
  model?: string;
  /** Retrieved passages (chunk id and fused score), best first, for audit. */
  retrieved: Array<{ chunkId: string; score: number }>;
  /**
   * With status not_found: what the reports give instead of what was asked, in words, naming the
   * difference (another period, place, kind of figure…) or the asked words the passages lack.
   * Renderers show it in place of the fixed "not found" line; the closest passages follow.
   */
  instead?: string;
  /** Closest passages when status is not_found. */
  closest?: Array<{ documentTitle: string; paragraph: number; chunkId: string; text: string }>;
  /** Verification problems found (including ones repaired or replaced by the fallback). */
  verificationErrors?: string[];
  /** Why the extractive fallback was used instead of the model, if it was. */
  fallbackReason?: string;
  /** Repair rounds the model needed (0 when its first draft was proven; absent when no model was asked). */
  repairs?: number;
  /** User-facing error text when status is failed. */
  error?: string;
  /** Id of the index generation the passages came from (set by the services' ask). */
  generationId?: string;
  /**
   * Set when the message was not a question about the reports (a greeting, thanks, "help", "what
   * is this report about"): `text` is the short reply, status "answered", no passages, no citations.
   */
  smallTalk?: SmallTalkReply;
  /** Words of the question read as index terms (a single mistyped character), shown before the answer. */
  corrections?: Array<{ typed: string; read: string }>;
  /** The question as matched, when it differs from `question` (Traditional folded to Simplified, typos corrected). */
  readAs?: string;
}

/** What a message that is not a question does; the reply is chosen by it. */
export type SmallTalkIntent = "greeting" | "thanks" | "help" | "identity" | "overview" | "acknowledgement" | "farewell";

/** The parts of a small-talk reply, for each renderer to lay out in its own language. */
export interface SmallTalkReply {
  intent: SmallTalkIntent;
  /** Titles of the documents the chat may see, in index order. */
  documents: string[];
  /** Example questions made from those documents, each answered (with a verified quote) when it was made. */
  examples: string[];
  /** For an overview: each document's top-level section headings, when the index knows them. */
  sections?: Array<{ document: string; headings: string[] }>;
}

/** What an answerer proposes before verification: text with [n] markers and quotes. */
export interface AnswerDraft {
  text: string;
  /** `n` refers to the 1-based position of the passage in the list given to the answerer. */
  citations: Array<{ n: number; passage: number; quote: string }>;
  /** The answerer decided the passages do not answer the question. */
  notFound: boolean;
  model?: string;
  /** The model's answer object as it wrote it, for the repair prompt (default: rebuilt from the draft). */
  reply?: string;
  /** The extractive answerer's fitted probability (0..1) that the passages answer the question. */
  answerability?: number;
  /**
   * With `notFound`: what the reports give instead, said plainly (`报告没有2023年全年的数据；它给出的是
   * 2024年上半年：“…”`), and the 1-based passage it comes from. It is shown as a not-found reply,
   * never as a proven answer.
   */
  instead?: { text: string; passage: number };
}

/** Input to an answerer. */
export interface AnswerRequest {
  question: string;
  passages: RetrievedPassage[];
  /** Called with the growing answer text while an LLM streams. */
  onPartialText?: (text: string) => void;
  /** Errors from a previous attempt; the LLM answerer uses them for its repair round. */
  repairErrors?: string[];
  previousDraft?: AnswerDraft;
  signal?: AbortSignal;
}

/** One strategy for turning passages into a draft answer. */
export interface Answerer {
  readonly mode: "llm" | "extractive";
  draft(request: AnswerRequest): Promise<AnswerDraft>;
}
