import { createServer } from "node:http";

/** What the readiness endpoint reports; `ready` false answers 503. */
export interface ReadinessReport {
  ready: boolean;
  [field: string]: unknown;
}

export interface HealthServer {
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Serves GET /healthz (200 while the process runs: for restarts) and GET /readyz (200 when this
 * replica can take work, 503 while starting, shutting down or cut off from Redis or PostgreSQL:
 * for load balancers), each with a small JSON body.
 */
export async function startHealthServer(options: { port: number; host?: string; replica: string; readiness: () => Promise<ReadinessReport> }): Promise<HealthServer> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    const send = (status: number, body: unknown) => response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    if (request.method !== "GET") return send(405, { error: "method not allowed" });
    if (path === "/healthz") return send(200, { status: "ok", replica: options.replica });
    if (path === "/readyz") {
      void options.readiness().then(
        (report) => send(report.ready ? 200 : 503, { replica: options.replica, ...report }),
        (error: unknown) => send(503, { replica: options.replica, ready: false, error: String(error) }),
      );
      return;
    }
    send(404, { error: "not found" });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "0.0.0.0", () => resolve());
  });
  const address = server.address();
  return {
    port: typeof address === "object" && address ? address.port : options.port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
