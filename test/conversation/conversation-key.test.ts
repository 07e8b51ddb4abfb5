import { describe, expect, it } from "vitest";
import { conversationKeyOf } from "../../src/conversation/conversation-key.js";

describe("conversation keys", () => {
  it("a private chat is one conversation", () => {
    expect(conversationKeyOf({ chatId: 7, chatType: "private", userId: 7 })).toBe("chat:7");
  });
  it("a group has one conversation per user", () => {
    expect(conversationKeyOf({ chatId: -100, chatType: "supergroup", userId: 1 })).toBe("chat:-100:user:1");
    expect(conversationKeyOf({ chatId: -100, chatType: "supergroup", userId: 2 })).toBe("chat:-100:user:2");
  });
  it("a forum topic has one conversation per topic and user", () => {
    expect(conversationKeyOf({ chatId: -100, chatType: "supergroup", userId: 1, threadId: 5, isTopicMessage: true })).toBe("chat:-100:topic:5:user:1");
  });
  it("a reply thread outside a forum is the user's group conversation", () => {
    expect(conversationKeyOf({ chatId: -100, chatType: "group", userId: 1, threadId: 5 })).toBe("chat:-100:user:1");
  });
});
