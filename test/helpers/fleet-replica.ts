/**
 * Runs fleet replicas as real processes (`node --import tsx src/main.ts`), so tests and benchmarks
 * can SIGKILL and restart them. Each replica has its own DATA_DIR, webhook port and health port.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { freeTcpPort, waitUntil } from "./free-port.js";

const REPOSITORY = fileURLToPath(new URL("../..", import.meta.url));

export interface ReplicaProcess {
  readonly name: string;
  readonly dataDir: string;
  readonly webhookPort: number;
  readonly healthPort: number;
  /** http://127.0.0.1:<webhookPort><path>, where the emulator (the "load balancer") delivers. */
  readonly webhookUrl: string;
  /** stdout and stderr so far (JSON log lines). */
  output(): string;
  /** Starts the process (again, after kill or stop) and waits until /readyz answers 200. */
  start(options?: { readyTimeoutMs?: number }): Promise<void>;
  /** Sends SIGKILL and waits for the exit (no graceful shutdown at all). */
  kill(): Promise<void>;
  /** Sends SIGTERM and waits for the graceful shutdown to finish. */
  stop(timeoutMs?: number): Promise<number | null>;
  readiness(): Promise<{ status: number; body: Record<string, unknown> }>;
}

/** Prepares a replica (not started): `env` is the environment every replica shares (tokens, URLs). */
export async function createReplicaProcess(options: {
  name: string;
  root: string;
  env: Record<string, string>;
  webhookPath?: string;
  /** When the process counts as started. Default: its /readyz answers 200 (fleet replicas). */
  isReady?: () => Promise<boolean>;
}): Promise<ReplicaProcess> {
  const dataDir = path.join(options.root, options.name);
  mkdirSync(dataDir, { recursive: true });
  const webhookPort = await freeTcpPort();
  const healthPort = await freeTcpPort();
  const webhookPath = options.webhookPath ?? "/telegram";
  let child: ChildProcess | undefined;
  let output = "";

  const readiness = async () => {
    const response = await fetch(`http://127.0.0.1:${healthPort}/readyz`, { signal: AbortSignal.timeout(2000) });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  const replica: ReplicaProcess = {
    name: options.name,
    dataDir,
    webhookPort,
    healthPort,
    webhookUrl: `http://127.0.0.1:${webhookPort}${webhookPath}`,
    output: () => output,
    async start(startOptions = {}) {
      const started = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
        cwd: REPOSITORY,
        env: {
          ...process.env,
          ...options.env,
          REPLICA_NAME: options.name,
          DATA_DIR: dataDir,
          WEBHOOK_PORT: String(webhookPort),
          HEALTH_PORT: String(healthPort),
        },
        stdio: ["ignore", "pipe", "pipe"],
      });
      child = started;
      started.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
      started.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
      await waitUntil(
        async () => {
          if (started.exitCode !== null) throw new Error(`replica ${options.name} exited with ${started.exitCode}:\n${output.slice(-3000)}`);
          try {
            return options.isReady ? await options.isReady() : (await readiness()).status === 200;
          } catch {
            return false;
          }
        },
        startOptions.readyTimeoutMs ?? 90_000,
        `replica ${options.name} to be ready`,
      );
    },
    async kill() {
      const running = child;
      if (!running || running.exitCode !== null || running.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => running.once("exit", () => resolve()));
      running.kill("SIGKILL");
      await exited;
    },
    async stop(timeoutMs = 60_000) {
      const running = child;
      if (!running || running.exitCode !== null || running.signalCode !== null) return running?.exitCode ?? null;
      const exited = new Promise<number | null>((resolve) => running.once("exit", (code) => resolve(code)));
      running.kill("SIGTERM");
      const timer = setTimeout(() => running.kill("SIGKILL"), timeoutMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
    readiness,
  };
  return replica;
}
