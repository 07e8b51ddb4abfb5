/**
 * A local HTTP server that refuses every request and echoes back what it was sent, the way real
 * servers do in their error texts: the Authorization header ("Incorrect API key provided: Bearer
 * sk-…", OpenAI style) and the request path ("bad token in /bot123:ABC/getMe", Bot API style).
 * For tests proving that no secret a server echoes reaches the user.
 */
import { createServer, type Server } from "node:http";
import { createServer as createNetServer } from "node:net";
import type { AddressInfo } from "node:net";

/** A running echo server; `url` has no trailing slash. */
export interface EchoSecretServer {
  url: string;
  /** Paths requested so far. */
  paths: string[];
  close(): Promise<void>;
}

/**
 * Starts the server on 127.0.0.1. Every request gets `status` with a body that is both an OpenAI
 * error (`error.message`) and a Bot API error (`ok`, `error_code`, `description`).
 */
export async function startEchoSecretServer(status = 401): Promise<EchoSecretServer> {
  const paths: string[] = [];
  const server: Server = createServer((request, response) => {
    paths.push(request.url ?? "");
    request.resume();
    request.on("end", () => {
      const authorization = request.headers.authorization ?? "(none)";
      const body = {
        ok: false,
        error_code: status,
        description: `bad token in ${request.url}`,
        error: { message: `Incorrect API key provided: ${authorization}`, type: "invalid_request_error", code: "invalid_api_key" },
      };
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    paths,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Returns the URL of a 127.0.0.1 port nothing listens on (taken and released at once). */
export async function closedPortUrl(): Promise<string> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
