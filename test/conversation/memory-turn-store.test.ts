import { describe, expect, it } from "vitest";
import { createMemoryTurnStore } from "../../src/conversation/memory-turn-store.js";
import { turnsOf } from "./turns.js";

const MINUTE = 60_000;

function storeWithClock(maxTurns = 3) {
  let now = 0;
  const store = createMemoryTurnStore({ maxTurns, lapseMs: 30 * MINUTE, now: () => now });
  return { store, advance: (ms: number) => (now += ms) };
}

describe("the in-memory turn store", () => {
  it("keeps the last maxTurns turns, oldest first", () => {
    const { store } = storeWithClock(2);
    for (const turn of turnsOf("问题一？", "问题二？", "问题三？")) store.append("chat:1", turn);
    expect((store.turns("chat:1") as ReturnType<typeof turnsOf>).map((turn) => turn.question)).toEqual(["问题二？", "问题三？"]);
  });

  it("forgets a conversation quiet for the lapse, and keeps one that is not", () => {
    const { store, advance } = storeWithClock();
    store.append("chat:1", turnsOf("问题一？")[0]!);
    advance(29 * MINUTE);
    expect(store.turns("chat:1")).toHaveLength(1);
    advance(30 * MINUTE);
    expect(store.turns("chat:1")).toEqual([]);
  });

  it("restarts the lapse with every turn", () => {
    const { store, advance } = storeWithClock();
    const [first, second] = turnsOf("问题一？", "问题二？");
    store.append("chat:1", first!);
    advance(20 * MINUTE);
    store.append("chat:1", second!);
    advance(20 * MINUTE);
    expect(store.turns("chat:1")).toHaveLength(2);
  });

  it("adds a turn whose id is already stored only once (a retried update)", () => {
    const { store } = storeWithClock();
    const [turn] = turnsOf("问题一？");
    store.append("chat:1", turn!);
    store.append("chat:1", { ...turn!, question: "改写后的问题" });
    expect(store.turns("chat:1")).toEqual([turn]);
  });

  it("keeps conversations apart by key, and clear forgets only one", () => {
    const { store } = storeWithClock();
    store.append("chat:5:user:1", turnsOf("甲的问题？")[0]!);
    store.append("chat:5:user:2", turnsOf("乙的问题？")[0]!);
    store.clear("chat:5:user:1");
    expect(store.turns("chat:5:user:1")).toEqual([]);
    expect(store.turns("chat:5:user:2")).toHaveLength(1);
  });

  it("remembers which conversation and turn an answer message belongs to, until the lapse", () => {
    const { store, advance } = storeWithClock();
    store.linkMessage(-100, 42, { key: "chat:-100:user:7", turnId: "9" });
    expect(store.messageLink(-100, 42)).toEqual({ key: "chat:-100:user:7", turnId: "9" });
    expect(store.messageLink(-100, 43)).toBeUndefined();
    advance(30 * MINUTE);
    expect(store.messageLink(-100, 42)).toBeUndefined();
  });
});
