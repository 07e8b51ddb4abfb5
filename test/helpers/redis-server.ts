/**
 * A real redis-server on 127.0.0.1, on a free port in a temporary folder, for fleet tests and
 * benchmarks. Persistence is on (AOF, fsync on every write), so `restart()` keeps every queued
 * job, as a production Redis configured for BullMQ must.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createConnection } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { freeTcpPort, waitUntil } from "./free-port.js";

/** Where Debian's package installs the server. */
export const REDIS_SERVER_BINARY = process.env.REDIS_SERVER_BINARY ?? "/usr/bin/redis-server";

export interface RedisServer {
  readonly url: string;
  readonly port: number;
  readonly folder: string;
  /** Stops the server (SHUTDOWN semantics: SIGTERM, AOF flushed) and starts it again on the same port and data. */
  restart(options?: { downMs?: number }): Promise<void>;
  /** Stops the server; the folder is kept until `close()`. */
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

/** Returns why a redis-server cannot be started here, or undefined when it can. */
export function redisUnavailableReason(): string | undefined {
  if (!existsSync(REDIS_SERVER_BINARY)) return `${REDIS_SERVER_BINARY} is not installed (apt-get install redis-server)`;
  const probe = spawnSync(REDIS_SERVER_BINARY, ["--version"], { encoding: "utf8" });
  return probe.status === 0 ? undefined : `${REDIS_SERVER_BINARY} --version failed: ${probe.stderr || probe.error?.message}`;
}

/**
 * Starts redis-server with AOF persistence in a new temporary folder. `appendfsync` "always"
 * (default) fsyncs every write; "everysec" is the usual production setting (benchmarks).
 */
export async function startRedisServer(options: { appendfsync?: "always" | "everysec" } = {}): Promise<RedisServer> {
  const folder = mkdtempSync(path.join(tmpdir(), "fleet-redis-"));
  const port = await freeTcpPort();
  let child: ChildProcess | undefined;
  let output = "";

  const start = async () => {
    output = "";
    child = spawn(
      REDIS_SERVER_BINARY,
      [
        "--port", String(port), "--bind", "127.0.0.1", "--dir", folder, "--save", "",
        "--appendonly", "yes", "--appendfsync", options.appendfsync ?? "always", "--maxmemory-policy", "noeviction",
        "--protected-mode", "no", "--daemonize", "no", "--loglevel", "warning",
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const started = child;
    await waitUntil(
      async () => {
        if (started.exitCode !== null) throw new Error(`redis-server exited with ${started.exitCode}: ${output.trim()}`);
        return pingRedis(port);
      },
      15_000,
      `redis-server on port ${port}`,
    );
  };

  const stop = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => running.once("exit", () => resolve()));
    running.kill("SIGTERM");
    await exited;
  };

  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    folder,
    async restart(options = {}) {
      await stop();
      if (options.downMs) await new Promise((resolve) => setTimeout(resolve, options.downMs));
      await start();
    },
    stop,
    start,
    async close() {
      await stop();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** Resolves true when a Redis on `port` answers PING with PONG. */
function pingRedis(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port });
    let reply = "";
    socket.setTimeout(1000, () => {
      socket.destroy();
      resolve(false);
    });
    socket.on("connect", () => socket.write("PING\r\n"));
    socket.on("data", (chunk) => {
      reply += chunk.toString();
      if (reply.includes("\r\n")) {
        socket.destroy();
        resolve(reply.startsWith("+PONG"));
      }
    });
    socket.on("error", () => resolve(false));
  });
}
