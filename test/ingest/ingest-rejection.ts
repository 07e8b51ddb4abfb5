import { IngestError } from "../../src/errors.js";

/** Awaits `promise` and returns the IngestError it rejects with; throws if it resolves or rejects otherwise. */
export async function rejection(promise: Promise<unknown>): Promise<IngestError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof IngestError)) throw new Error(`expected an IngestError, got ${String(error)}`);
  return error;
}
