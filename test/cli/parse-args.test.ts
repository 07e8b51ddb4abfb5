import { describe, expect, it } from "vitest";
import { parseArgs, positiveIntFlag } from "../../src/cli/parse-args.js";

describe("parseArgs", () => {
  it("separates boolean flags, value flags and the question", () => {
    const args = parseArgs(["--json", "-k", "3", "增长", "多少"], ["k"]);
    expect([...args.flags]).toEqual(["json"]);
    expect(args.values.get("k")).toBe("3");
    expect(args.positionals).toEqual(["增长", "多少"]);
  });

  it("accepts --name=value", () => {
    expect(parseArgs(["--last=20"], ["last"]).values.get("last")).toBe("20");
  });

  it("rejects a malformed number with a one-line message", () => {
    expect(() => positiveIntFlag(parseArgs(["-k", "x"], ["k"]), "k", 5)).toThrow('--k must be a positive integer, got "x"');
  });
});
