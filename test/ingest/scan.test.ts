import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { scanKnowledgeDir, SUPPORTED_EXTENSIONS } from "../../src/ingest/scan.js";

const dir = mkdtempSync(join(tmpdir(), "ingest-scan-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("scanKnowledgeDir", () => {
  it("lists files recursively, sorted, with forward-slash relative paths, skipping dotfiles and dot-folders", async () => {
    mkdirSync(join(dir, "b/nested"), { recursive: true });
    mkdirSync(join(dir, ".git"));
    for (const name of ["z.txt", "a.md", "b/nested/c.pdf", "b/a.docx", ".hidden.txt", ".git/config", "notes.xyz"]) {
      writeFileSync(join(dir, name), "x");
    }
    symlinkSync(join(dir, "b"), join(dir, "link-to-b"));
    const files = await scanKnowledgeDir(dir);
    expect(files.map((file) => file.relativePath)).toEqual(["a.md", "b/a.docx", "b/nested/c.pdf", "notes.xyz", "z.txt"]);
    expect(files[1]!.absolutePath).toBe(join(dir, "b", "a.docx"));
  });

  it("exports the supported extensions", () => {
    expect(SUPPORTED_EXTENSIONS).toEqual([".txt", ".md", ".markdown", ".html", ".htm", ".pdf", ".docx", ".xlsx", ".csv"]);
  });
});
