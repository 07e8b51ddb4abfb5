/** The scripted OpenAI-compatible test server (test/helpers/openai-server.ts) that other suites rely on. */
import OpenAI from "openai";
import { afterEach, describe, expect, it } from "vitest";
import { startOpenAIServer, type OpenAIServer } from "../helpers/openai-server.js";

let server: OpenAIServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const clientFor = (baseURL: string) => new OpenAI({ baseURL, apiKey: "test", maxRetries: 0 });

describe("startOpenAIServer", () => {
  it("answers embeddings requests with the scripted vectors and records the request", async () => {
    server = await startOpenAIServer([{ embeddings: [[1, 0], [0, 1]] }]);
    const result = await clientFor(server.baseUrl).embeddings.create({ model: "e", input: ["甲", "乙"], encoding_format: "float" });
    expect(result.data.map((item) => item.embedding)).toEqual([[1, 0], [0, 1]]);
    expect(server.requests[0]).toMatchObject({ path: "/v1/embeddings", body: { model: "e", input: ["甲", "乙"] } });
  });

  it("answers every request from a script function", async () => {
    server = await startOpenAIServer((body, index) => ({ content: `${body.model} #${index}` }));
    const client = clientFor(server.baseUrl);
    const first = await client.chat.completions.create({ model: "a", messages: [{ role: "user", content: "x" }] });
    const second = await client.chat.completions.create({ model: "b", messages: [{ role: "user", content: "y" }] });
    expect([first.choices[0]!.message.content, second.choices[0]!.message.content]).toEqual(["a #0", "b #1"]);
  });

  it("streams scripted pieces as SSE chunks", async () => {
    server = await startOpenAIServer([{ stream: ["增长", "6.2%"] }]);
    const stream = await clientFor(server.baseUrl).chat.completions.create({ model: "m", messages: [{ role: "user", content: "q" }], stream: true });
    const pieces: string[] = [];
    for await (const chunk of stream) if (chunk.choices[0]?.delta?.content) pieces.push(chunk.choices[0].delta.content);
    expect(pieces).toEqual(["增长", "6.2%"]);
  });

  it("answers 500 'script exhausted' once the script runs out", async () => {
    server = await startOpenAIServer([]);
    await expect(clientFor(server.baseUrl).chat.completions.create({ model: "m", messages: [{ role: "user", content: "q" }] })).rejects.toThrow(/script exhausted/);
  });
});

describe("startOpenAIServer deltas", () => {
  it("streams raw delta fields such as reasoning_content, which the SDK passes through", async () => {
    server = await startOpenAIServer([{ deltas: [{ reasoning_content: "想" }, { content: "答" }] }]);
    const stream = await clientFor(server.baseUrl).chat.completions.create({ model: "m", messages: [{ role: "user", content: "q" }], stream: true });
    const deltas: Array<Record<string, unknown>> = [];
    for await (const chunk of stream) if (chunk.choices[0]?.delta) deltas.push(chunk.choices[0].delta as Record<string, unknown>);
    expect(deltas.map((delta) => delta.reasoning_content ?? delta.content)).toEqual(["", "想", "答", undefined]);
  });

  it("joins delta fields into one message for a request that is not streamed", async () => {
    server = await startOpenAIServer([{ deltas: [{ reasoning_content: "想" }, { reasoning_content: "好" }, { content: "答" }] }]);
    const completion = await clientFor(server.baseUrl).chat.completions.create({ model: "m", messages: [{ role: "user", content: "q" }] });
    expect(completion.choices[0]!.message).toMatchObject({ content: "答", reasoning_content: "想好" });
  });
});
