/**
 * A scripted OpenAI-compatible HTTP server for tests: drive the real `openai` SDK (or any
 * client) against 127.0.0.1 with no network and no mocks.
 *
 * Each request to POST /v1/chat/completions or POST /v1/embeddings is answered by the next step
 * of the script, in order:
 *
 * ```ts
 * const server = await startOpenAIServer([
 *   { status: 429 },                                  // SDK retries (retry-after: 0 is sent by default)
 *   { content: '{"answer": "…[1]", "citations": [], "not_found": false}' },
 *   { stream: ['{"answer": "增长', '6.2%[1]", …'] },  // SSE pieces when the request has stream: true
 *   { delayMs: 500 },                                  // answers late (then an empty JSON reply) to trigger timeouts
 *   { delayMs: 500, then: { content: "…" } },
 *   { deltas: [{ reasoning_content: "想一想" }, { content: '{"answer": …}' }] }, // raw delta fields (reasoning models)
 *   { embeddings: [[0.1, 0.2], [0.3, 0.4]] },          // one vector per input
 *   (body) => (body.response_format ? { status: 400, body: {...} } : { content: "…" }),
 * ]);
 * const client = new OpenAI({ baseURL: server.baseUrl, apiKey: "test" });
 * …
 * expect(server.requests[0]?.body.messages).toBeDefined();
 * await server.close();
 * ```
 *
 * - `{ content }` answers a non-streamed request with a chat.completion, and a streamed request
 *   (`stream: true` in the body) with that content as a single SSE piece.
 * - `{ stream }` answers a streamed request with one SSE chunk per piece, then `data: [DONE]`;
 *   a non-streamed request gets the pieces joined as one content.
 * - `{ status, body?, headers? }` answers with that HTTP status. The default body is
 *   `{ error: { message, type, code } }`; 429 and 5xx get `retry-after: 0` unless `headers`
 *   says otherwise, so SDK retries take no time.
 * - `{ deltas }` streams each object as one chunk's `delta`, fields as given (`reasoning_content`,
 *   `reasoning`, `content`…), the way reasoning servers do; a non-streamed request gets one
 *   message whose fields are each field's pieces joined.
 * - `{ delayMs, then? }` waits, then answers with `then` (default `{ content: "{}" }`). If the
 *   client gave up meanwhile (timeout), nothing is written.
 * - A function receives the parsed request body and its 0-based request number and returns a step.
 * - Instead of an array, `script` may be one function: it answers every request.
 * - When the script runs out, the server answers 500 "script exhausted" (visible in the test).
 *
 * Every request is recorded in `requests` (path, parsed body, headers) before it is answered.
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One scripted reply. */
export type ScriptStep =
  | { content: string; finishReason?: string }
  | { stream: string[]; finishReason?: string; delayBetweenMs?: number }
  | { deltas: Array<Record<string, string>>; finishReason?: string; delayBetweenMs?: number }
  | { status: number; body?: unknown; headers?: Record<string, string> }
  | { delayMs: number; then?: ScriptStep }
  | { embeddings: number[][] }
  | ((body: RequestBody, index: number) => ScriptStep | Promise<ScriptStep>);

/** A parsed JSON request body (chat or embeddings). */
export type RequestBody = Record<string, any>;

/** A request the server received. */
export interface RecordedRequest {
  path: string;
  body: RequestBody;
  headers: IncomingHttpHeaders;
}

/** A running scripted server. */
export interface OpenAIServer {
  /** Base URL for `new OpenAI({ baseURL })`, ending in "/v1". */
  baseUrl: string;
  requests: RecordedRequest[];
  /** Stops the server, drops open connections and cancels pending delays. */
  close(): Promise<void>;
}

const sleep = (ms: number, timers: Set<NodeJS.Timeout>) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      resolve();
    }, ms);
    timers.add(timer);
  });

/**
 * Starts the server on 127.0.0.1 with an OS-assigned port and returns its base URL, the
 * recorded requests and `close`. Rejects only if the port cannot be bound.
 */
export async function startOpenAIServer(script: ScriptStep[] | ((body: RequestBody, index: number) => ScriptStep | Promise<ScriptStep>)): Promise<OpenAIServer> {
  const requests: RecordedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let closed = false;
  let next = 0;

  const server = createServer((request, response) => {
    const pieces: Buffer[] = [];
    request.on("data", (piece: Buffer) => pieces.push(piece));
    request.on("end", () => {
      const path = (request.url ?? "/").split("?")[0]!;
      let body: RequestBody = {};
      try {
        body = JSON.parse(Buffer.concat(pieces).toString("utf8") || "{}") as RequestBody;
      } catch {
        body = { unparsed: Buffer.concat(pieces).toString("utf8") };
      }
      const index = requests.length;
      requests.push({ path, body, headers: request.headers });
      if (request.method !== "POST" || (path !== "/v1/chat/completions" && path !== "/v1/embeddings")) {
        sendJson(response, 404, { error: { message: `no route ${request.method} ${path}`, type: "invalid_request_error" } });
        return;
      }
      const step = typeof script === "function" ? script : script[next++];
      void answer(response, path, body, index, step).catch((error: unknown) => {
        if (!response.headersSent) sendJson(response, 500, { error: { message: `test server step threw: ${String(error)}` } });
        else response.destroy();
      });
    });
  });

  async function answer(response: ServerResponse, path: string, body: RequestBody, index: number, step: ScriptStep | undefined): Promise<void> {
    if (step === undefined) {
      sendJson(response, 500, { error: { message: `script exhausted at request ${index + 1}`, type: "server_error" } });
      return;
    }
    if (typeof step === "function") return answer(response, path, body, index, await step(body, index));
    if ("delayMs" in step) {
      await sleep(step.delayMs, timers);
      if (closed || response.destroyed || response.writableEnded) return;
      return answer(response, path, body, index, step.then ?? { content: "{}" });
    }
    if ("status" in step) {
      const retryable = step.status === 429 || step.status >= 500;
      const headers = { ...(retryable ? { "retry-after": "0" } : {}), ...step.headers };
      const errorBody = step.body ?? { error: { message: `scripted HTTP ${step.status}`, type: "scripted_error", code: String(step.status) } };
      sendJson(response, step.status, errorBody, headers);
      return;
    }
    if ("embeddings" in step) {
      sendJson(response, 200, {
        object: "list",
        model: body.model ?? "test-embedding",
        data: step.embeddings.map((embedding, position) => ({ object: "embedding", index: position, embedding })),
        usage: { prompt_tokens: 0, total_tokens: 0 },
      });
      return;
    }
    if ("deltas" in step) {
      await answerDeltas(response, body, index, step);
      return;
    }
    const pieces = "stream" in step ? step.stream : [step.content];
    const finishReason = step.finishReason ?? "stop";
    const model = typeof body.model === "string" ? body.model : "test-model";
    if (body.stream === true) {
      const delayBetweenMs = "stream" in step ? (step.delayBetweenMs ?? 0) : 0;
      await writeStream(response, model, pieces, finishReason, delayBetweenMs);
      return;
    }
    sendJson(response, 200, {
      id: `chatcmpl-test-${index}`,
      object: "chat.completion",
      created: Math.floor(Date.now() / 1000),
      model,
      choices: [{ index: 0, message: { role: "assistant", content: pieces.join("") }, finish_reason: finishReason, logprobs: null }],
      usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
    });
  }

  async function answerDeltas(response: ServerResponse, body: RequestBody, index: number, step: { deltas: Array<Record<string, string>>; finishReason?: string; delayBetweenMs?: number }): Promise<void> {
    const model = typeof body.model === "string" ? body.model : "test-model";
    const finishReason = step.finishReason ?? "stop";
    if (body.stream === true) {
      await writeStream(response, model, step.deltas, finishReason, step.delayBetweenMs ?? 0);
      return;
    }
    const message: Record<string, string> = { role: "assistant", content: "" };
    for (const delta of step.deltas) for (const [field, value] of Object.entries(delta)) message[field] = (message[field] ?? "") + value;
    sendJson(response, 200, {
      id: `chatcmpl-test-${index}`,
      object: "chat.completion",
      created: Math.floor(Date.now() / 1000),
      model,
      choices: [{ index: 0, message, finish_reason: finishReason, logprobs: null }],
      usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
    });
  }

  async function writeStream(
    response: ServerResponse,
    model: string,
    pieces: Array<string | Record<string, string>>,
    finishReason: string,
    delayBetweenMs: number,
  ): Promise<void> {
    response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
    const chunk = (delta: Record<string, unknown>, finish: string | null) =>
      `data: ${JSON.stringify({
        id: "chatcmpl-test-stream",
        object: "chat.completion.chunk",
        created: Math.floor(Date.now() / 1000),
        model,
        choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }],
      })}\n\n`;
    response.write(chunk({ role: "assistant", content: "" }, null));
    for (const piece of pieces) {
      if (delayBetweenMs > 0) await sleep(delayBetweenMs, timers);
      if (closed || response.destroyed) return;
      response.write(chunk(typeof piece === "string" ? { content: piece } : piece, null));
    }
    response.write(chunk({}, finishReason));
    response.end("data: [DONE]\n\n");
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        closed = true;
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (response.destroyed || response.writableEnded) return;
  const text = JSON.stringify(body);
  response.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...headers });
  response.end(text);
}
