/**
 * A local OpenAI-compatible `/v1/embeddings` server for tests: records every request body and
 * answers with whatever the scripted handler returns. Listens on 127.0.0.1 on a free port.
 */
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

/** One embeddings request as the server received it. */
export interface EmbeddingsRequest {
  model: string;
  input: string[];
  dimensions?: number;
  encoding_format?: string;
  authorization?: string;
}

/** What the handler answers: an HTTP status and a JSON body. */
export interface ScriptedResponse {
  status: number;
  body: unknown;
}

/** The running server. */
export interface EmbeddingsServer {
  /** Base URL to give the client, ending in /v1. */
  baseUrl: string;
  /** Every POST /v1/embeddings body received, in order. */
  requests: EmbeddingsRequest[];
  /** Stops the server. */
  close: () => Promise<void>;
}

/** Returns an OpenAI-style success body with one vector per input, as `vectorFor` builds it. */
export function embeddingsResponse(request: EmbeddingsRequest, vectorFor: (text: string, index: number) => number[]): ScriptedResponse {
  return {
    status: 200,
    body: {
      object: "list",
      model: request.model,
      data: request.input.map((text, index) => ({ object: "embedding", index, embedding: vectorFor(text, index) })),
      usage: { prompt_tokens: request.input.length, total_tokens: request.input.length },
    },
  };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** Starts the server; `handler` decides the answer to each embeddings request. */
export async function startEmbeddingsServer(handler: (request: EmbeddingsRequest) => ScriptedResponse): Promise<EmbeddingsServer> {
  const requests: EmbeddingsRequest[] = [];
  const server = createServer(async (request, response) => {
    const raw = await readBody(request);
    if (request.method !== "POST" || request.url !== "/v1/embeddings") {
      response.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: { message: "not found" } }));
      return;
    }
    const parsed = JSON.parse(raw) as Omit<EmbeddingsRequest, "input"> & { input: string | string[] };
    const received: EmbeddingsRequest = {
      ...parsed,
      input: Array.isArray(parsed.input) ? parsed.input : [parsed.input],
      authorization: request.headers.authorization,
    };
    requests.push(received);
    const answer = handler(received);
    response.writeHead(answer.status, { "content-type": "application/json" }).end(JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
