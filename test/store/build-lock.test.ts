import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { acquireBuildLock, isBuildLockHeld } from "../../src/store/build-lock.js";
import { buildStatusPath, readBuildStatus } from "../../src/store/build-status.js";
import { buildIndex } from "../../src/store/build-index.js";
import { buildOptions, copyShippedReport, makeWorkspace } from "./helpers.js";

const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));
const HOLDER = fileURLToPath(new URL("./lock-holder-child.ts", import.meta.url));

/**
 * Starts a process that takes the build lock and holds it. With `zombie`, the holder runs under
 * `sh -c '… & exec sleep 60'`: its parent becomes `sleep`, which never reaps it, so once killed it
 * stays a zombie (as in a container without an init process). Resolves with the holder's pid.
 */
function startHolder(dataDir: string, options: { zombie?: boolean } = {}): Promise<{ pid: number; child: ChildProcess }> {
  const holder = `${JSON.stringify(process.execPath)} --import tsx ${JSON.stringify(HOLDER)} ${JSON.stringify(dataDir)}`;
  const child = options.zombie
    ? spawn("sh", ["-c", `${holder} & exec sleep 60`], { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "inherit"] })
    : spawn(process.execPath, ["--import", "tsx", HOLDER, dataDir], { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    let output = "";
    child.stdout!.on("data", (data: Buffer) => {
      output += data.toString();
      const match = /locked (\d+)/u.exec(output);
      if (match) resolve({ pid: Number(match[1]), child });
    });
    child.on("exit", (code) => reject(new Error(`lock holder exited (${code}) before taking the lock: ${output}`)));
  });
}

/**
 * Resolves once /proc says `pid` is a zombie whose threads have all exited: dead, its descriptors
 * closed, never reaped. (The main thread shows "Z" while node's other threads may still be exiting.)
 */
async function waitUntilZombie(pid: number): Promise<string> {
  for (;;) {
    const state = /^State:\s+(\S)/mu.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? "";
    if (state === "Z" && readdirSync(`/proc/${pid}/task`).length === 1) return state;
    await new Promise((wait) => setTimeout(wait, 20));
  }
}

/** Resolves once `child` has exited (and was reaped by us). */
function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once("exit", () => resolve()));
}

describe("the build lock", () => {
  let workspace: ReturnType<typeof makeWorkspace>;
  const children: ChildProcess[] = [];

  beforeEach(() => {
    workspace = makeWorkspace();
    copyShippedReport(workspace.knowledgeDir);
  });

  afterEach(() => {
    for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    workspace.cleanup();
  });

  it("makes a second concurrent build fail with busy while the first one completes", async () => {
    const first = buildIndex(buildOptions(workspace));
    const second = buildIndex(buildOptions(workspace));
    await expect(second).rejects.toMatchObject({ name: "IndexError", reason: "busy" });
    await expect(first).resolves.toMatchObject({ documents: 1 });
    expect(readdirSync(join(workspace.dataDir, "generations"))).toHaveLength(1);
  });

  it("refuses a build while another live process holds the lock, naming that process", async () => {
    const { pid, child } = await startHolder(workspace.dataDir);
    children.push(child);
    await expect(buildIndex(buildOptions(workspace))).rejects.toMatchObject({
      reason: "busy",
      message: expect.stringContaining(`process ${pid}`),
    });
  });

  it("lets the next build run at once after the holder is killed with kill -9", async () => {
    const { pid, child } = await startHolder(workspace.dataDir);
    children.push(child);
    process.kill(pid, "SIGKILL");
    await exited(child);
    await expect(buildIndex(buildOptions(workspace))).resolves.toMatchObject({ documents: 1 });
  });

  it("never lets a zombie holder (killed, never reaped) block the next build", async () => {
    const { pid, child } = await startHolder(workspace.dataDir, { zombie: true });
    children.push(child);
    expect(isBuildLockHeld(workspace.dataDir)).toBe(true);
    process.kill(pid, "SIGKILL");
    expect(await waitUntilZombie(pid)).toBe("Z");
    // The zombie still has its pid, and its status file still names it: neither counts.
    expect(readBuildStatus(workspace.dataDir)?.pid).toBe(pid);
    expect(isBuildLockHeld(workspace.dataDir)).toBe(false);
    await expect(buildIndex(buildOptions(workspace))).resolves.toMatchObject({ documents: 1 });
  });

  it("publishes who builds and how far while the build runs, and removes it after", async () => {
    const seen: Array<string | undefined> = [];
    await buildIndex(
      buildOptions(workspace, {
        onProgress: (progress) => {
          if (progress.phase === "load") seen.push(readBuildStatus(workspace.dataDir)?.progress?.phase);
        },
      }),
    );
    expect(seen).toContain("load");
    expect(readBuildStatus(workspace.dataDir)).toBeUndefined();
    expect(existsSync(buildStatusPath(workspace.dataDir))).toBe(false);
  });

  it("is released when the build fails", async () => {
    await expect(buildIndex(buildOptions(workspace, { knowledgeDir: join(workspace.root, "missing") }))).rejects.toMatchObject({
      reason: "nothing_indexed",
    });
    expect(isBuildLockHeld(workspace.dataDir)).toBe(false);
    const lock = acquireBuildLock(workspace.dataDir);
    expect(isBuildLockHeld(workspace.dataDir)).toBe(true);
    lock.release();
    expect(isBuildLockHeld(workspace.dataDir)).toBe(false);
  });
});
