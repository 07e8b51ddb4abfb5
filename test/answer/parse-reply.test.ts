import { describe, expect, it } from "vitest";
import { ModelError } from "../../src/errors.js";
import { draftToReplyJson, parseReply } from "../../src/answer/llm/parse-reply.js";

describe("parseReply", () => {
  it("turns the agreed JSON into a draft whose citations point at passages", () => {
    const draft = parseReply('{"answer": "增长6.2%[1]", "citations": [{"n": 1, "quote": "同比增长6.2%"}], "not_found": false}', "m");
    expect(draft).toEqual({ text: "增长6.2%[1]", citations: [{ n: 1, passage: 1, quote: "同比增长6.2%" }], notFound: false, model: "m" });
  });

  it("strips ```json fences and surrounding prose, and accepts n as a string", () => {
    const draft = parseReply('Here you go:\n```json\n{"answer": "a {b} [2]", "citations": [{"n": "2", "quote": "q"}]}\n```', "m");
    expect(draft.text).toBe("a {b} [2]");
    expect(draft.citations).toEqual([{ n: 2, passage: 2, quote: "q" }]);
    expect(draft.notFound).toBe(false);
  });

  it("reads not_found", () => {
    expect(parseReply('{"answer": "没有", "citations": [], "not_found": true}', "m").notFound).toBe(true);
  });

  it("throws malformed_output for text that is not JSON", () => {
    expect(() => parseReply("增长了6.2%", "m")).toThrow(ModelError);
    try {
      parseReply('{"answer": "增长', "m");
    } catch (error) {
      expect((error as ModelError).reason).toBe("malformed_output");
    }
  });

  it("throws malformed_output for JSON of the wrong shape", () => {
    expect(() => parseReply('{"text": "增长6.2%"}', "m")).toThrow(/wrong shape/);
  });

  it("takes the answer after a <think> block, never the draft inside it", () => {
    const reply = '<think>\n草稿：{"answer": "增长6.6%[1]", "citations": [{"n": 1, "quote": "q"}]}\n</think>\n{"answer": "增长6.2%[1]", "citations": [{"n": 1, "quote": "q"}], "not_found": false}';
    expect(parseReply(reply, "m").text).toBe("增长6.2%[1]");
  });

  it("parses a reply whose reasoning mentions {answer, citations, not_found} without JSON", () => {
    const reply = '<think>按 {answer, citations, not_found} 输出</think>{"answer": "增长6.2%[1]", "citations": [], "not_found": false}';
    expect(parseReply(reply, "m").text).toBe("增长6.2%[1]");
  });

  it("takes the answer after a lone </think>", () => {
    expect(parseReply('想一想 {"answer": "草稿"}\n</think>\n{"answer": "增长6.2%[1]", "citations": []}', "m").text).toBe("增长6.2%[1]");
  });

  it("takes the last object of the agreed shape when prose mentions a non-JSON one first", () => {
    expect(parseReply('The shape is {answer, citations}. Here: {"answer": "ok", "citations": []}', "m").text).toBe("ok");
  });

  it("throws malformed_output when the only answer object is inside unclosed reasoning", () => {
    expect(() => parseReply('<think>{"answer": "增长6.6%", "citations": []}', "m")).toThrow(/contains no JSON object/);
  });

  it("round-trips a draft through the repair JSON", () => {
    const json = '{"answer":"增长6.2%[1]","citations":[{"n":1,"quote":"同比增长6.2%"}],"not_found":false}';
    expect(draftToReplyJson(parseReply(json, "m"))).toBe(json);
  });
});
