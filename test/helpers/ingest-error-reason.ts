import { IngestError } from "../../src/errors.js";

/** Runs `action` and returns the reason of the IngestError it throws, or undefined when it throws none (other errors propagate). */
export function ingestErrorReason(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof IngestError) return error.reason;
    throw error;
  }
  return undefined;
}
