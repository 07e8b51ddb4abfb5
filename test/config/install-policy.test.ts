import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const repoRoot = resolve(import.meta.dirname, "../..");
const readJson = (name: string) => JSON.parse(readFileSync(join(repoRoot, name), "utf8")) as Record<string, any>;

describe("what npm install runs", () => {
  it("every dependency with an install script is reviewed in package.json allowScripts", () => {
    const lock = readJson("package-lock.json");
    const allowScripts = readJson("package.json").allowScripts as Record<string, boolean>;
    const withScripts = Object.entries(lock.packages as Record<string, { hasInstallScript?: boolean }>)
      .filter(([, entry]) => entry.hasInstallScript)
      .map(([path]) => path.slice(path.lastIndexOf("node_modules/") + "node_modules/".length));
    expect(withScripts.filter((name) => !(name in allowScripts))).toEqual([]);
  });

  it("only the two native addons may build; onnxruntime's CUDA download and canvas's binary download are denied", () => {
    const allowScripts = readJson("package.json").allowScripts as Record<string, boolean>;
    expect(Object.keys(allowScripts).filter((name) => allowScripts[name]).sort()).toEqual(["better-sqlite3", "hnswlib-node"]);
    expect(allowScripts["onnxruntime-node"]).toBe(false);
    expect(allowScripts.canvas).toBe(false);
  });

  it(".npmrc holds no key npm does not know, so npm commands print no 'Unknown project config' warning", async () => {
    const { stderr } = await run("npm", ["config", "get", "fund"], { cwd: repoRoot, env: { PATH: process.env.PATH, HOME: process.env.HOME } });
    expect(stderr).not.toContain("Unknown project config");
  });
});
