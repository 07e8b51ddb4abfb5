/**
 * A real PostgreSQL server on 127.0.0.1, on a free port, with its data and socket in a temporary
 * folder, for fleet tests and benchmarks. PostgreSQL refuses to run as root, so as root the
 * cluster belongs to the `postgres` user and initdb/postgres run through setpriv (which execs,
 * so the child we hold is the postmaster itself).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import pg from "pg";
import { freeTcpPort, waitUntil } from "./free-port.js";

export interface PostgresServer {
  /** postgres://postgres@127.0.0.1:<port>/postgres (trust authentication). */
  readonly url: string;
  readonly port: number;
  /** Stops the server (fast shutdown) and starts it again on the same port and data. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/** The folder holding initdb and postgres: POSTGRES_BIN_DIR, else the newest /usr/lib/postgresql/<version>/bin. */
export function postgresBinDir(): string | undefined {
  if (process.env.POSTGRES_BIN_DIR) return process.env.POSTGRES_BIN_DIR;
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).filter((name) => /^\d+$/.test(name)).sort((a, b) => Number(b) - Number(a));
  const bin = versions.map((version) => path.join(root, version, "bin")).find((folder) => existsSync(path.join(folder, "postgres")));
  return bin;
}

/** Returns why PostgreSQL cannot be started here, or undefined when it can. */
export function postgresUnavailableReason(): string | undefined {
  const bin = postgresBinDir();
  if (!bin) return "PostgreSQL server binaries not found under /usr/lib/postgresql (apt-get install postgresql)";
  if (process.getuid?.() === 0 && spawnSync("id", ["-u", "postgres"]).status !== 0) return "running as root but there is no `postgres` user to run the server";
  return undefined;
}

const asRoot = () => process.getuid?.() === 0;

/** Runs a PostgreSQL binary as the postgres user when we are root, as ourselves otherwise. */
function commandFor(binary: string, args: string[]): [string, string[]] {
  if (!asRoot()) return [binary, args];
  return ["setpriv", ["--reuid=postgres", "--regid=postgres", "--init-groups", "--", binary, ...args]];
}

/** Initialises a cluster in a new temporary folder and starts it. */
export async function startPostgresServer(): Promise<PostgresServer> {
  const bin = postgresBinDir();
  if (!bin) throw new Error(postgresUnavailableReason());
  const folder = mkdtempSync(path.join(tmpdir(), "fleet-postgres-"));
  const dataDir = path.join(folder, "data");
  if (asRoot()) {
    const uid = Number(spawnSync("id", ["-u", "postgres"], { encoding: "utf8" }).stdout.trim());
    const gid = Number(spawnSync("id", ["-g", "postgres"], { encoding: "utf8" }).stdout.trim());
    chownSync(folder, uid, gid);
  }
  chmodSync(folder, 0o700);
  const [initCommand, initArgs] = commandFor(path.join(bin, "initdb"), [
    "-D", dataDir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync",
  ]);
  const init = spawnSync(initCommand, initArgs, { encoding: "utf8" });
  if (init.status !== 0) throw new Error(`initdb failed (${userInfo().username}): ${init.stderr || init.error?.message}`);

  const port = await freeTcpPort();
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let child: ChildProcess | undefined;
  let output = "";

  const start = async () => {
    output = "";
    const [command, args] = commandFor(path.join(bin, "postgres"), [
      "-D", dataDir, "-p", String(port), "-k", folder, "-c", "listen_addresses=127.0.0.1",
      // A throw-away test cluster: durability against power loss is not what is tested here.
      "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=300",
    ]);
    child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
    child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const started = child;
    await waitUntil(
      async () => {
        if (started.exitCode !== null) throw new Error(`postgres exited with ${started.exitCode}: ${output.trim().slice(-2000)}`);
        const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
        try {
          await client.connect();
          await client.query("SELECT 1");
          return true;
        } catch {
          return false;
        } finally {
          await client.end().catch(() => undefined);
        }
      },
      30_000,
      `postgres on port ${port}`,
    );
  };

  const stop = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => running.once("exit", () => resolve()));
    running.kill("SIGINT"); // fast shutdown: disconnect clients, checkpoint, exit
    await exited;
  };

  await start();
  return {
    url,
    port,
    async restart() {
      await stop();
      await start();
    },
    async close() {
      await stop();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
