import { describe, expect, it } from "vitest";
import { extractPartialAnswer } from "../../src/answer/llm/partial-answer.js";

describe("extractPartialAnswer", () => {
  it("returns undefined before the answer field starts", () => {
    expect(extractPartialAnswer('{"ans')).toBeUndefined();
    expect(extractPartialAnswer('{"answer": ')).toBeUndefined();
  });

  it("returns the growing prefix of the answer string", () => {
    expect(extractPartialAnswer('{"answer": "2024年上半')).toBe("2024年上半");
    expect(extractPartialAnswer('{"answer": "增长6.2%[1]", "citations": [')).toBe("增长6.2%[1]");
  });

  it("decodes escapes and leaves out an escape cut at the end", () => {
    expect(extractPartialAnswer('{"answer": "a\\"b\\n\\u4e2d')).toBe('a"b\n中');
    expect(extractPartialAnswer('{"answer": "a\\u4e')).toBe("a");
    expect(extractPartialAnswer('{"answer": "a\\')).toBe("a");
  });

  it("finds the answer field after other fields and ignores nested keys named answer", () => {
    expect(extractPartialAnswer('{"citations": [{"n": 1, "answer": "no"}], "answer": "yes')).toBe("yes");
    expect(extractPartialAnswer('{"note": "the \\"answer\\": x", "answer": "ok"}')).toBe("ok");
  });

  it("skips text before the JSON object", () => {
    expect(extractPartialAnswer('```json\n{"answer": "增长')).toBe("增长");
  });
});
