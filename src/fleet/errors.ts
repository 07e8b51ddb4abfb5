import { AppError } from "../errors.js";

/** Removes the password from a connection URL, so an error line can name the server safely. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparseable URL)";
  }
}

/** A fleet server (Redis or PostgreSQL) cannot be reached at start; names the variable to fix. */
export class FleetUnreachableError extends AppError {
  constructor(
    readonly variable: "REDIS_URL" | "DATABASE_URL",
    readonly url: string,
    options: { cause: unknown },
  ) {
    const reason = options.cause instanceof Error ? options.cause.message : String(options.cause);
    super(`${variable}: cannot reach ${redactUrl(url)} (${reason.split("\n")[0]})`, "unreachable", options);
  }
}

/**
 * A shared store (Redis or PostgreSQL) failed while an update was being handled. The update is
 * not lost: its job goes back to the head of its queue and is tried again once the store answers.
 */
export class StoreUnavailableError extends AppError {
  constructor(
    readonly store: "redis" | "postgres",
    operation: string,
    options: { cause: unknown },
  ) {
    const reason = options.cause instanceof Error ? options.cause.message : String(options.cause);
    super(`${store} unavailable during ${operation}: ${reason}`, "store_unavailable", options);
  }
}

/** Runs `operation`, turning any failure into a StoreUnavailableError for `store`. */
export async function storeCall<T>(store: "redis" | "postgres", operation: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof StoreUnavailableError) throw error;
    throw new StoreUnavailableError(store, operation, { cause: error });
  }
}
