import { describe, expect, it } from "vitest";
import { loadDocumentFromBytes } from "../../src/ingest/load-document.js";
import { rejection } from "./ingest-rejection.js";

const load = (relativePath: string) => loadDocumentFromBytes({ bytes: new Uint8Array(), relativePath, maxBytes: 1024 });

describe("a 0-byte file", () => {
  it("is empty when it is a PDF, not damaged", async () => {
    const error = await rejection(load("report.pdf"));
    expect(error.reason).toBe("empty");
    expect(error.message).toBe("report.pdf is empty (0 bytes).");
  });

  it("is empty when it is a DOCX", async () => {
    expect((await rejection(load("report.docx"))).reason).toBe("empty");
  });

  it("is empty when it is text, Markdown or HTML", async () => {
    for (const name of ["a.txt", "a.md", "a.html"]) expect((await rejection(load(name))).reason).toBe("empty");
  });
});
