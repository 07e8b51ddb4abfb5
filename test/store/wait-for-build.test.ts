import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { writeBuildStatus } from "../../src/store/build-status.js";
import { waitForOtherBuild } from "../../src/store/wait-for-build.js";
import { makeWorkspace } from "./helpers.js";

const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));
const HOLDER = fileURLToPath(new URL("./lock-holder-child.ts", import.meta.url));

describe("waitForOtherBuild", () => {
  let workspace: ReturnType<typeof makeWorkspace>;
  beforeEach(() => {
    workspace = makeWorkspace();
  });
  afterEach(() => workspace.cleanup());

  it("resolves at once when no build holds the lock", async () => {
    await expect(waitForOtherBuild({ dataDir: workspace.dataDir })).resolves.toBeUndefined();
  });

  it("passes on the builder's progress and resolves only when the builder is gone (here: killed)", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", HOLDER, workspace.dataDir], { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "inherit"] });
    const pid = await new Promise<number>((resolve) => child.stdout.on("data", (data: Buffer) => resolve(Number(/locked (\d+)/u.exec(data.toString())![1]))));
    writeBuildStatus(workspace.dataDir, { pid, hostname: "h", startedAt: "t", progress: { phase: "embed", done: 3, total: 9 } });
    const seen: string[] = [];
    let resolved = false;
    const waiting = waitForOtherBuild({
      dataDir: workspace.dataDir,
      pollIntervalMs: 20,
      onProgress: (progress, status) => {
        seen.push(`${status.pid} ${progress.phase}`);
        child.kill("SIGKILL");
      },
    }).then(() => (resolved = true));
    await new Promise((resolve) => child.once("exit", resolve));
    await waiting;
    expect(resolved).toBe(true);
    expect(seen).toEqual([`${pid} embed`]);
  });
});
