import type OpenAI from "openai";
import type { ChatCompletionCreateParamsStreaming } from "openai/resources/chat/completions";
import { ModelError } from "../../errors.js";

/**
 * Streams one chat completion and returns its full content, calling `onContent` with the
 * content so far after each piece. The SDK's timeout stops at the response headers, so a
 * stream that stalls for `idleTimeoutMs` between pieces is aborted here.
 * @throws ModelError (timeout) when the stream stalls; SDK errors are rethrown unchanged.
 */
export async function streamCompletion(options: {
  client: OpenAI;
  body: Omit<ChatCompletionCreateParamsStreaming, "stream">;
  idleTimeoutMs: number;
  signal?: AbortSignal;
  onContent: (content: string) => void;
}): Promise<string> {
  const controller = new AbortController();
  const abort = () => controller.abort();
  if (options.signal?.aborted) abort();
  options.signal?.addEventListener("abort", abort, { once: true });
  let stalled = false;
  let timer: NodeJS.Timeout | undefined;
  const armIdleTimer = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      stalled = true;
      controller.abort();
    }, options.idleTimeoutMs);
  };
  try {
    const stream = await options.client.chat.completions.create({ ...options.body, stream: true }, { signal: controller.signal });
    armIdleTimer();
    let content = "";
    for await (const chunk of stream) {
      armIdleTimer();
      const piece = chunk.choices[0]?.delta?.content;
      if (!piece) continue;
      content += piece;
      options.onContent(content);
    }
    // The SDK ends the iteration quietly when aborted, so a cut-off stream must be caught here.
    if (controller.signal.aborted) throw new Error("stream aborted");
    return content;
  } catch (error) {
    if (stalled) {
      throw new ModelError(`Model stream stalled for ${options.idleTimeoutMs} ms`, "timeout", options.body.model, { cause: error });
    }
    if (controller.signal.aborted) {
      throw new ModelError("Model request was aborted", "network", options.body.model, { cause: error });
    }
    throw error;
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener("abort", abort);
  }
}
