import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const repoRoot = resolve(import.meta.dirname, "../..");
const remark = join(repoRoot, "node_modules/.bin/remark");
// By path, so the check runs from any folder (remark resolves plugin names from the working folder).
const validateLinks = join(repoRoot, "node_modules/remark-validate-links/index.js");

/** Runs remark-validate-links (no Git remote needed) over `paths`; returns its warnings, one per broken link. */
async function brokenLinks(paths: string[], cwd = repoRoot): Promise<string[]> {
  const { stderr } = await run(remark, ["--no-stdout", "--quiet", "--no-color", "-u", `${validateLinks}=repository:false`, ...paths], { cwd });
  return stderr.split("\n").filter((line) => /warning/u.test(line) && !/^\s*⚠/u.test(line)).map((line) => line.trim());
}

describe("documentation links", () => {
  it("every relative link and anchor in README.md and docs/ resolves", async () => {
    expect(await brokenLinks(["README.md", "docs"])).toEqual([]);
  });

  it("the check finds a missing file, a missing heading in another page and a missing anchor", async () => {
    const folder = mkdtempSync(join(tmpdir(), "links-"));
    try {
      writeFileSync(join(folder, "other.md"), "# Other\n\n## Present\n");
      writeFileSync(join(folder, "page.md"), "# Page\n\n[a](missing.md) [b](other.md#absent) [c](other.md#present) [d](#page) [e](#nowhere)\n");
      const warnings = await brokenLinks(["page.md", "other.md"], folder);
      expect(warnings).toHaveLength(3);
      expect(warnings.join("\n")).toContain("Cannot find file `missing.md`");
      expect(warnings.join("\n")).toContain("Cannot find heading for `#absent` in `other.md`");
      expect(warnings.join("\n")).toContain("Cannot find heading for `#nowhere`");
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
