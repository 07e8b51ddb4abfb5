/**
 * Error classes that say *where* a failure happened. Each carries its context as fields and
 * the underlying error as `cause`, so one log line is enough to diagnose it.
 */

/** Base class: every error we raise on purpose is an AppError with a machine-readable `reason`. */
export class AppError extends Error {
  constructor(
    message: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Configuration is missing or malformed; `issues` holds one human-readable line per problem. */
export class ConfigError extends AppError {
  constructor(readonly issues: string[]) {
    super(`Invalid configuration:\n${issues.map((line) => `  - ${line}`).join("\n")}`, "config");
  }
}

/**
 * A file could not be turned into text (empty, binary, corrupt, too large, unsupported, a link
 * leading out of the folder, or a scanned PDF with no OCR installed: "needs_ocr").
 */
export class IngestError extends AppError {
  constructor(
    message: string,
    reason: "empty" | "binary" | "corrupt" | "too_large" | "unsupported" | "unreadable" | "unsafe_link" | "needs_ocr",
    readonly path: string,
    options?: { cause?: unknown },
  ) {
    super(message, reason, options);
  }
}

/** An embedding model could not be loaded or failed to embed. */
export class EmbeddingError extends AppError {
  constructor(
    message: string,
    reason: "model_missing" | "load_failed" | "request_failed" | "bad_response" | "dimension_mismatch",
    readonly model: string,
    options?: { cause?: unknown; folder?: string },
  ) {
    super(message, reason, options);
    this.folder = options?.folder;
  }
  readonly folder: string | undefined;
}

/** The persisted index is missing, corrupt, or was built with a different embedder. */
export class IndexError extends AppError {
  constructor(
    message: string,
    reason: "missing" | "corrupt" | "embedder_mismatch" | "busy" | "nothing_indexed",
    readonly dataDir: string,
    options?: { cause?: unknown },
  ) {
    super(message, reason, options);
  }
}

/** The language-model endpoint refused, timed out, or returned something unusable. */
export class ModelError extends AppError {
  constructor(
    message: string,
    reason: "timeout" | "rate_limited" | "server_error" | "bad_request" | "malformed_output" | "network",
    readonly model: string,
    options?: { cause?: unknown; status?: number },
  ) {
    super(message, reason, options);
    this.status = options?.status;
  }
  readonly status: number | undefined;
}

/** A command was called wrongly (no question, a blank one, one over the limit); the message says how to call it. */
export class UsageError extends AppError {
  constructor(message: string, reason: "usage" | "empty_question" | "question_too_long") {
    super(message, reason);
  }
}

/** The Telegram bot could not start: the Bot API is unreachable, refused the token, or is not a Bot API. */
export class TelegramStartupError extends AppError {
  constructor(
    message: string,
    reason: "unreachable" | "unauthorized" | "not_found" | "refused",
    readonly apiRoot: string,
    options?: { cause?: unknown },
  ) {
    super(message, reason, options);
  }
}
