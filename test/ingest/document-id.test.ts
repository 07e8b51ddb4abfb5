import { describe, expect, it } from "vitest";
import { documentIdForPath } from "../../src/ingest/document-id.js";

describe("documentIdForPath", () => {
  it("slugs the path without its extension and adds 6 hex digits of its hash", () => {
    expect(documentIdForPath("Reports/Sichuan Industry Report.txt")).toMatch(/^reports-sichuan-industry-report-[0-9a-f]{6}$/u);
  });

  it("is the same for the same path every time", () => {
    expect(documentIdForPath("a/b.txt")).toBe(documentIdForPath("a/b.txt"));
  });

  it("differs for paths that slug alike", () => {
    expect(documentIdForPath("a b.txt")).not.toBe(documentIdForPath("a-b.txt"));
    expect(documentIdForPath("report.txt")).not.toBe(documentIdForPath("report.md"));
  });

  it("falls back to doc- for a name without ASCII letters", () => {
    expect(documentIdForPath("四川报告.txt")).toMatch(/^doc-[0-9a-f]{6}$/u);
  });

  it("treats backslashes like forward slashes", () => {
    expect(documentIdForPath("a\\b.txt")).toBe(documentIdForPath("a/b.txt"));
  });
});
