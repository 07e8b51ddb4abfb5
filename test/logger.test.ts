import { describe, expect, it } from "vitest";
import { createLogger } from "../src/logger.js";

const capture = () => {
  const lines: string[] = [];
  return { lines, destination: { write: (line: string) => void lines.push(line) } };
};

describe("log lines", () => {
  it("are readable text, not JSON, for a person at a terminal", () => {
    const { lines, destination } = capture();
    createLogger({ destination, pretty: true }).info({ chunks: 17 }, "index built");
    const text = lines.join("");
    expect(text).toMatch(/INFO.*index built/u);
    expect(text).toContain("chunks: 17");
    expect(() => JSON.parse(lines[0]!)).toThrow();
  });

  it("are JSON for pipes and log collectors", () => {
    const { lines, destination } = capture();
    createLogger({ destination }).info({ chunks: 17 }, "index built");
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 30, msg: "index built", chunks: 17 });
  });

  it("keep secrets out of readable lines too", () => {
    const { lines, destination } = capture();
    createLogger({ destination, pretty: true, secrets: ["s3cret-value-123"] }).warn(`call to https://example.org/s3cret-value-123/x failed`);
    expect(lines.join("")).not.toContain("s3cret-value-123");
  });
});
