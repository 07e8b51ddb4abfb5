import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scanKnowledgeDir } from "../../src/ingest/scan.js";

describe("symbolic links in the knowledge folder", () => {
  const root = mkdtempSync(join(tmpdir(), "ingest-links-"));
  const knowledge = join(root, "knowledge");
  let files: Awaited<ReturnType<typeof scanKnowledgeDir>>;
  const find = (relativePath: string) => files.find((file) => file.relativePath === relativePath);

  beforeAll(async () => {
    mkdirSync(join(knowledge, "sub"), { recursive: true });
    writeFileSync(join(root, "secret.txt"), "outside the folder");
    writeFileSync(join(knowledge, "report.txt"), "inside");
    symlinkSync(join(root, "secret.txt"), join(knowledge, "outside.txt"));
    symlinkSync("../report.txt", join(knowledge, "sub", "inside.txt"));
    symlinkSync(join(root, "missing.txt"), join(knowledge, "broken.txt"));
    files = await scanKnowledgeDir(knowledge);
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("skips a link to a file outside the folder, with a reason", () => {
    expect(find("outside.txt")?.skipReason).toBe(
      "outside.txt is a symbolic link to a file outside the knowledge folder; skipped (copy the file into the folder to index it).",
    );
  });

  it("follows a link to a file inside the folder", () => {
    expect(find("sub/inside.txt")).toEqual({ absolutePath: join(knowledge, "sub", "inside.txt"), relativePath: "sub/inside.txt" });
  });

  it("lists a broken link with a reason instead of ignoring it", () => {
    expect(find("broken.txt")?.skipReason).toMatch(/does not exist/u);
  });

  it("reads a folder that is itself reached through a link", async () => {
    const linkedRoot = join(root, "knowledge-link");
    symlinkSync(knowledge, linkedRoot);
    const viaLink = await scanKnowledgeDir(linkedRoot);
    expect(viaLink.find((file) => file.relativePath === "sub/inside.txt")?.skipReason).toBeUndefined();
    expect(viaLink.find((file) => file.relativePath === "outside.txt")?.skipReason).toBeDefined();
  });
});
