import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { runTerminalChat } from "../../src/cli/terminal-chat.js";
import { createFakeServices } from "../helpers/fake-services.js";

/** Runs the chat over `typed` as if a person typed it at a terminal; returns what was printed and the answer count. */
async function chat(typed: string, tty: boolean): Promise<{ printed: string; answered: number }> {
  const input = Object.assign(new PassThrough(), { isTTY: tty });
  const output = new PassThrough();
  let printed = "";
  output.on("data", (data: Buffer) => (printed += data.toString()));
  input.end(typed);
  const answered = await runTerminalChat({ services: await createFakeServices(), input, output, maxQuestionChars: 1000 });
  return { printed, answered };
}

describe("the terminal chat", () => {
  it("says how to quit before the first prompt", async () => {
    const { printed } = await chat("", true);
    expect(printed).toContain("输入问题后按回车；退出：/quit、Ctrl-D 或 Ctrl-C。");
    expect(printed).toContain("Type a question and press Enter; to quit: /quit, Ctrl-D or Ctrl-C.");
  });

  it("ends at /quit without asking what follows", async () => {
    const { answered } = await chat("2024年上半年工业增加值增长多少？\n/quit\n四川的常住人口是多少？\n", true);
    expect(answered).toBe(1);
  });

  it("ends at /quit in piped input too", async () => {
    const { answered } = await chat("/quit\n2024年上半年工业增加值增长多少？\n", false);
    expect(answered).toBe(0);
  });
});
