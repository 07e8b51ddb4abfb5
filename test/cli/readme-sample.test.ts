import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const repoRoot = resolve(import.meta.dirname, "../..");
const tsx = join(repoRoot, "node_modules/.bin/tsx");
const workDir = mkdtempSync(join(tmpdir(), "readme-sample-"));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

/** The quick start's piped example: the question in `echo "…" | npm start` and the output block after it. */
function readmeSample(): { question: string; output: string } {
  const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
  const match = /echo "([^"]+)" \| npm start\n```\n\n```\n([\s\S]*?)```/u.exec(readme);
  if (!match) throw new Error('README.md has no `echo "…" | npm start` example followed by its output');
  return { question: match[1]!, output: match[2]! };
}

/** Output with the answer time, which varies from run to run, replaced. */
const withoutTiming = (text: string) => text.replace(/\((extractive|llm[^,]*), \d+ ms\)/gu, "($1, N ms)");

describe("the README's quick start", () => {
  it("shows exactly what `echo … | npm start` prints on a fresh checkout (no .env, no data, no model)", async () => {
    const { question, output } = readmeSample();
    cpSync(join(repoRoot, "knowledge"), join(workDir, "knowledge"), { recursive: true });
    const stdout = await new Promise<string>((resolveRun, reject) => {
      const child = execFile(tsx, [join(repoRoot, "src/main.ts")], { cwd: workDir, env: { PATH: process.env.PATH, HOME: process.env.HOME } }, (error, out) =>
        error ? reject(error) : resolveRun(out),
      );
      child.stdin!.end(`${question}\n`);
    });
    expect(withoutTiming(stdout.trimEnd())).toBe(withoutTiming(output.trimEnd()));
  });
});
