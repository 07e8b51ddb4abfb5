import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
} from "openai";
import { ModelError } from "../../errors.js";

/**
 * Returns `error` (thrown by the openai SDK, after its own retries) as a ModelError whose
 * reason says what went wrong: timeout, rate_limited (429), server_error (5xx), bad_request
 * (other 4xx), or network. A ModelError passes through unchanged. Never throws.
 */
export function toModelError(error: unknown, model: string): ModelError {
  if (error instanceof ModelError) return error;
  if (error instanceof APIConnectionTimeoutError) {
    return new ModelError(`Model request timed out (${model})`, "timeout", model, { cause: error });
  }
  if (error instanceof APIUserAbortError) {
    return new ModelError(`Model request was aborted (${model})`, "network", model, { cause: error });
  }
  if (error instanceof APIConnectionError) {
    return new ModelError(`Cannot reach the model endpoint (${model}): ${error.message}`, "network", model, { cause: error });
  }
  if (error instanceof APIError && typeof error.status === "number") {
    const status = error.status;
    const reason = status === 429 ? "rate_limited" : status >= 500 ? "server_error" : "bad_request";
    return new ModelError(`Model endpoint answered HTTP ${status} (${model}): ${error.message}`, reason, model, { cause: error, status });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new ModelError(`Model request failed (${model}): ${message}`, "network", model, { cause: error });
}

/**
 * Returns true when `error` is a server refusing `response_format` (JSON mode), which many
 * OpenAI-compatible servers do: the answerer then retries once without it.
 */
export function isResponseFormatRejection(error: unknown): boolean {
  if (!(error instanceof APIError) || (error.status !== 400 && error.status !== 422)) return false;
  const text = `${error.message} ${JSON.stringify(error.error ?? "")}`;
  return /response_format|response format|json_object|json mode|json_schema|structured output/i.test(text);
}
