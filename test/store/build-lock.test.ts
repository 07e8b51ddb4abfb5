import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { acquireBuildLock } from "../../src/store/build-lock.js";
import { buildIndex } from "../../src/store/build-index.js";
import { buildOptions, copyShippedReport, makeWorkspace } from "./helpers.js";

/** Returns the pid of a process that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
  return Number(child.stdout);
}

describe("the build lock", () => {
  let workspace: ReturnType<typeof makeWorkspace>;

  beforeEach(() => {
    workspace = makeWorkspace();
    copyShippedReport(workspace.knowledgeDir);
  });

  afterEach(() => workspace.cleanup());

  it("makes a second concurrent build fail with busy while the first one completes", async () => {
    const first = buildIndex(buildOptions(workspace));
    const second = buildIndex(buildOptions(workspace));
    await expect(second).rejects.toMatchObject({ name: "IndexError", reason: "busy" });
    await expect(first).resolves.toMatchObject({ documents: 1 });
    expect(readdirSync(join(workspace.dataDir, "generations"))).toHaveLength(1);
  });

  it("refuses a build while another live process holds the lock, naming that process", async () => {
    mkdirSync(workspace.dataDir, { recursive: true });
    // Our parent process is alive for the whole test.
    const owner = { pid: process.ppid, hostname: hostname(), startedAt: "2024-07-01T00:00:00.000Z" };
    writeFileSync(join(workspace.dataDir, "index.lock"), JSON.stringify(owner));
    await expect(buildIndex(buildOptions(workspace))).rejects.toMatchObject({
      reason: "busy",
      message: expect.stringContaining(`process ${process.ppid}`),
    });
  });

  it("takes over a lock left by a dead process", async () => {
    mkdirSync(workspace.dataDir, { recursive: true });
    writeFileSync(join(workspace.dataDir, "index.lock"), JSON.stringify({ pid: deadPid(), hostname: hostname(), startedAt: "x" }));
    await expect(buildIndex(buildOptions(workspace))).resolves.toMatchObject({ documents: 1 });
    expect(existsSync(join(workspace.dataDir, "index.lock"))).toBe(false);
  });

  it("is released when the build fails", async () => {
    await expect(buildIndex(buildOptions(workspace, { knowledgeDir: join(workspace.root, "missing") }))).rejects.toMatchObject({
      reason: "nothing_indexed",
    });
    const lock = acquireBuildLock(workspace.dataDir);
    lock.release();
  });
});
