import { mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createMemoryAccessCounters } from "../../src/access/access-counters.js";
import { isServed } from "../../src/access/allow-list.js";
import { collectionOfPath } from "../../src/access/collection.js";
import { parseGrantFile } from "../../src/access/grant-file.js";
import { loadGrantSource, type GrantProblem } from "../../src/access/grant-source.js";
import { spendQuestionBudget } from "../../src/access/question-budget.js";
import { resolveScope } from "../../src/access/resolve-scope.js";
import { scopeCovers, visibleDocuments } from "../../src/access/scope.js";
import { ConfigError } from "../../src/errors.js";
import { silentLogger } from "../../src/logger.js";

const GRANTS = parseGrantFile(JSON.stringify({ default: ["main"], chats: { "-1001234567890": ["main", "finance"] }, users: { "42": ["finance"] } }), "grants.json");

describe("collections", () => {
  it("are the first-level folders of KNOWLEDGE_DIR, and `main` for top-level files", () => {
    expect(collectionOfPath("report.txt")).toBe("main");
    expect(collectionOfPath("finance/memo.txt")).toBe("finance");
    expect(collectionOfPath("finance/2024/q3/memo.txt")).toBe("finance");
  });
});

describe("who is served", () => {
  const lists = { allowedUserIds: [42], allowedChatIds: [-100], adminUserIds: [1] };
  it("serves everyone when neither allow-list is set", () => {
    expect(isServed({ allowedUserIds: [], allowedChatIds: [], adminUserIds: [] }, { userId: 7, chatId: 7 })).toBe(true);
  });
  it("serves a listed sender anywhere, and anyone in a listed chat", () => {
    expect(isServed(lists, { userId: 42, chatId: -555 })).toBe(true);
    expect(isServed(lists, { userId: 7, chatId: -100 })).toBe(true);
  });
  it("always serves admins", () => {
    expect(isServed(lists, { userId: 1, chatId: 1 })).toBe(true);
  });
  it("refuses a sender on no list in an unlisted chat", () => {
    expect(isServed(lists, { userId: 7, chatId: 7 })).toBe(false);
    expect(isServed(lists, { userId: undefined, chatId: undefined })).toBe(false);
  });
});

describe("which grant applies", () => {
  it("in a private chat: the default plus the user's own grant", () => {
    expect(resolveScope(GRANTS, { userId: 42, chatId: 42, chatType: "private" })).toEqual(new Set(["main", "finance"]));
    expect(resolveScope(GRANTS, { userId: 7, chatId: 7, chatType: "private" })).toEqual(new Set(["main"]));
  });
  it("in a group: the group's grant, never the asker's own", () => {
    expect(resolveScope(GRANTS, { userId: 7, chatId: -1001234567890, chatType: "supergroup" })).toEqual(new Set(["main", "finance"]));
    expect(resolveScope(GRANTS, { userId: 42, chatId: -555, chatType: "group" })).toEqual(new Set(["main"]));
  });
  it("without a grant file: everything", () => {
    expect(resolveScope(undefined, { userId: 7, chatId: -555, chatType: "group" })).toBe("all");
  });
  it("lists only the documents of granted collections", () => {
    const documents = [{ relativePath: "report.txt" }, { relativePath: "finance/memo.txt" }];
    expect(visibleDocuments(documents, new Set(["main"]))).toEqual([{ relativePath: "report.txt" }]);
    expect(visibleDocuments(documents, "all")).toEqual(documents);
  });
  it("lets a chat act on an answer only when it was granted everything the answer could see", () => {
    expect(scopeCovers(new Set(["main", "finance"]), new Set(["main"]))).toBe(true);
    expect(scopeCovers(new Set(["main"]), new Set(["main", "finance"]))).toBe(false);
    expect(scopeCovers(new Set(["main"]), "all")).toBe(false);
  });
});

describe("the grant file", () => {
  it("defaults to `main` for everyone when it names nothing", () => {
    expect(parseGrantFile("{}", "grants.json")).toEqual({ default: ["main"], chats: {}, users: {} });
  });
  it("that is not JSON is one error naming KNOWLEDGE_ACCESS, the file and the parser's problem", () => {
    const error = (() => {
      try {
        parseGrantFile('{"default": ["main"],', "/etc/bot/grants.json");
      } catch (caught) {
        return caught as ConfigError;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect(error!.issues).toHaveLength(1);
    expect(error!.issues[0]).toMatch(/^KNOWLEDGE_ACCESS: \/etc\/bot\/grants\.json is not valid JSON \(.+\)$/);
  });
  it("with a wrong field is one error naming the field", () => {
    expect(() => parseGrantFile('{"chats": {"-100": "finance"}}', "grants.json")).toThrow(
      /KNOWLEDGE_ACCESS: grants\.json is not a valid grant file \(chats\.-100: .*array/,
    );
    expect(() => parseGrantFile('{"users": {"alice": ["finance"]}}', "grants.json")).toThrow(/users\.alice: "alice" is not a user id \(a positive whole number/);
    expect(() => parseGrantFile('{"default": ["main"], "groups": {}}', "grants.json")).toThrow(/groups/);
    expect(() => parseGrantFile('{"default": ["finance/2024"]}', "grants.json")).toThrow(/default\.0: a collection is a first-level folder name/);
  });
});

describe("the grant file while the bot runs", () => {
  let root: string;
  let file: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), "grants-"));
    file = path.join(root, "grants.json");
    writeFileSync(file, JSON.stringify({ default: ["main"] }));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));
  const touch = (text: string, secondsLater: number) => {
    writeFileSync(file, text);
    const time = new Date(Date.now() + secondsLater * 1000);
    utimesSync(file, time, time);
  };

  it("is picked up on the next look once it changed", () => {
    const source = loadGrantSource({ filePath: file, logger: silentLogger() });
    expect(source.current().default).toEqual(["main"]);
    touch(JSON.stringify({ default: ["main", "finance"] }), 5);
    expect(source.current().default).toEqual(["main", "finance"]);
  });

  it("keeps the last good grant when a change is malformed, reports it once, and takes the next good version", () => {
    const source = loadGrantSource({ filePath: file, logger: silentLogger() });
    const problems: GrantProblem[] = [];
    source.onProblem((problem) => problems.push(problem));
    touch('{"default": ["main", "finance"', 5);
    expect(source.current().default).toEqual(["main"]);
    expect(source.current().default).toEqual(["main"]);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toContain(`${file} is not valid JSON`);
    touch(JSON.stringify({ default: ["finance"] }), 10);
    expect(source.current().default).toEqual(["finance"]);
  });

  it("keeps the last good grant when the file is deleted", () => {
    const source = loadGrantSource({ filePath: file, logger: silentLogger() });
    rmSync(file);
    expect(source.current().default).toEqual(["main"]);
  });

  it("that is missing at start is one error naming the file", () => {
    expect(() => loadGrantSource({ filePath: path.join(root, "missing.json"), logger: silentLogger() })).toThrow(
      new RegExp(`KNOWLEDGE_ACCESS: ${path.join(root, "missing.json").replace(/[.]/g, "\\.")} cannot be read \\(ENOENT\\)`),
    );
  });
});

describe("the daily model budget", () => {
  it("lets a user ask `perDay` model questions, then answers extractively and says why once a day", async () => {
    const counters = createMemoryAccessCounters();
    const spend = (updateId: number, now = Date.UTC(2026, 0, 5, 10)) => spendQuestionBudget({ counters, userId: 7, perDay: 2, isAdmin: false, updateId, now });
    expect(await spend(1)).toEqual({ useModel: true, tellUser: false, used: 1 });
    expect(await spend(2)).toEqual({ useModel: true, tellUser: false, used: 2 });
    expect(await spend(3)).toEqual({ useModel: false, tellUser: true, used: 3 });
    expect(await spend(4)).toEqual({ useModel: false, tellUser: false, used: 4 });
    expect(await spend(5, Date.UTC(2026, 0, 6, 0, 1))).toEqual({ useModel: true, tellUser: false, used: 1 });
  });
  it("counts an update handled twice once", async () => {
    const counters = createMemoryAccessCounters();
    const spend = (updateId: number) => spendQuestionBudget({ counters, userId: 7, perDay: 1, isAdmin: false, updateId });
    expect((await spend(1)).useModel).toBe(true);
    expect((await spend(1)).useModel).toBe(true);
    expect((await spend(2)).useModel).toBe(false);
  });
  it("never limits admins", async () => {
    const counters = createMemoryAccessCounters();
    for (let updateId = 1; updateId <= 5; updateId += 1) {
      expect(await spendQuestionBudget({ counters, userId: 1, perDay: 1, isAdmin: true, updateId })).toEqual({ useModel: true, tellUser: false, used: 0 });
    }
  });
});
