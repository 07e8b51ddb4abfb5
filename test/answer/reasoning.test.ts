import { describe, expect, it } from "vitest";
import { visibleReply, withoutReasoning } from "../../src/answer/llm/reasoning.js";

const ANSWER = '{"answer": "增长6.2%[1]", "citations": [], "not_found": false}';

describe("withoutReasoning", () => {
  it("drops a closed <think> block", () => {
    expect(withoutReasoning(`<think>草稿 {"answer": "6.6%"}</think>\n${ANSWER}`).trim()).toBe(ANSWER);
  });

  it("drops everything before a lone </think> (the chat template opened the block)", () => {
    expect(withoutReasoning(`先想一想 {"answer": "6.6%"}\n</think>\n\n${ANSWER}`).trim()).toBe(ANSWER);
  });

  it("drops an unclosed <think> to the end (the reply was cut off while thinking)", () => {
    expect(withoutReasoning(`<think>想了很久 ${ANSWER}`)).toBe("");
  });

  it("reads <thinking> and <reasoning> tags too, in any case", () => {
    expect(withoutReasoning(`<THINKING>x</THINKING>${ANSWER}`)).toBe(ANSWER);
    expect(withoutReasoning(`<reasoning>x</reasoning>${ANSWER}`)).toBe(ANSWER);
  });

  it("leaves a reply without reasoning unchanged", () => {
    expect(withoutReasoning(ANSWER)).toBe(ANSWER);
  });
});

describe("visibleReply", () => {
  it("hides a reply while a <think> block is open", () => {
    expect(visibleReply('<think>草稿 {"answer": "增长6.6')).toBeUndefined();
  });

  it("hides prose before the first brace, which a later </think> may turn out to close", () => {
    expect(visibleReply('先想一想 {"answer": "增长6.6')).toBeUndefined();
  });

  it("shows the answer once the reasoning has closed", () => {
    expect(visibleReply('先想一想 {"answer": "6.6%"}\n</think>\n{"answer": "增长6.2')).toBe('\n{"answer": "增长6.2');
  });

  it("shows a reply that starts with the object or a ```json fence", () => {
    expect(visibleReply('{"answer": "增长')).toBe('{"answer": "增长');
    expect(visibleReply('```json\n{"answer": "增长')).toBe('```json\n{"answer": "增长');
  });
});
