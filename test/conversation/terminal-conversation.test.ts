import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { lineConversation } from "../../src/cli/line-conversation.js";
import { runTerminalChat } from "../../src/cli/terminal-chat.js";
import { useShippedServices } from "./shipped-conversation.js";

const services = useShippedServices("terminal-conversation-");

/** Runs the terminal chat on `lines` (piped, not a TTY) and returns what it printed. */
async function chat(lines: string[]): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = "";
  output.on("data", (chunk: Buffer) => (printed += chunk.toString()));
  input.end(`${lines.join("\n")}\n`);
  await runTerminalChat({ services: services(), input, output, maxQuestionChars: 1000 });
  return printed;
}

describe("the terminal chat remembers", () => {
  it("reads a follow-up against the line before and prints how it read it", async () => {
    const printed = await chat(["智慧医疗居全国第几位？", "智慧金融呢？"]);
    expect(printed).toContain("（按“智慧金融居全国第几位”理解）\n智慧金融居全国第5位[1]。");
  });

  it("/new starts over", async () => {
    const printed = await chat(["智慧医疗居全国第几位？", "/new", "智慧金融呢？"]);
    expect(printed).toContain("（已重新开始 / Starting over）");
    expect(printed).not.toContain("（按“智慧金融居全国第几位”理解）");
  });
});

describe("ask's lines", () => {
  it("are answered each alone without --conversation", async () => {
    const ask = lineConversation(services(), { remember: false });
    await ask("智慧医疗居全国第几位？");
    const outcome = await ask("智慧金融呢？");
    expect(outcome).toMatchObject({ kind: "answer", answer: { question: "智慧金融呢？" } });
  });

  it("are one conversation with --conversation", async () => {
    const ask = lineConversation(services(), { remember: true, key: "ask-test" });
    await ask("智慧医疗居全国第几位？");
    const outcome = await ask("智慧金融呢？");
    expect(outcome).toMatchObject({ kind: "answer", answer: { question: "智慧金融居全国第几位", typedQuestion: "智慧金融呢？" } });
  });
});
