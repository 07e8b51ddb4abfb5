import { describe, expect, it } from "vitest";
import { groupCommit } from "../../src/fleet/group-commit.js";

/** A write that records its batches and finishes when told to. */
function controlledWrite(fails: (items: string[]) => boolean = () => false) {
  const batches: string[][] = [];
  const finishers: (() => void)[] = [];
  const write = (items: string[]) =>
    new Promise<void>((resolve, reject) => {
      batches.push(items);
      finishers.push(() => (fails(items) ? reject(new Error(`refused ${items.join(",")}`)) : resolve()));
    });
  const finishNext = async () => {
    await new Promise((resolve) => setImmediate(resolve));
    finishers.shift()!();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { write, batches, finishNext };
}

describe("groupCommit", () => {
  it("writes an item at once when nothing is being written", async () => {
    const target = controlledWrite();
    const add = groupCommit(target.write);
    const stored = add("a");
    expect(target.batches).toEqual([["a"]]);
    await target.finishNext();
    await expect(stored).resolves.toBeUndefined();
  });

  it("sends the items that arrive during a write together in the next write", async () => {
    const target = controlledWrite();
    const add = groupCommit(target.write);
    const first = add("a");
    const later = [add("b"), add("c"), add("d")];
    await target.finishNext();
    await first;
    expect(target.batches).toEqual([["a"], ["b", "c", "d"]]);
    await target.finishNext();
    await Promise.all(later);
  });

  it("settles a caller only once the write carrying its item has finished", async () => {
    const target = controlledWrite();
    const add = groupCommit(target.write);
    let settled = false;
    void add("a").then(() => (settled = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    await target.finishNext();
    expect(settled).toBe(true);
  });

  it("writes each item of a failed batch alone, so only the bad item fails", async () => {
    const target = controlledWrite((items) => items.includes("bad"));
    const add = groupCommit(target.write);
    const first = add("a");
    const good = add("b");
    const bad = add("bad").then(
      () => "stored",
      (error: Error) => error.message,
    );
    await target.finishNext(); // ["a"]
    await first;
    await target.finishNext(); // ["b", "bad"] fails
    await target.finishNext(); // ["b"]
    await target.finishNext(); // ["bad"] fails
    await expect(good).resolves.toBeUndefined();
    expect(await bad).toBe("refused bad");
    expect(target.batches).toEqual([["a"], ["b", "bad"], ["b"], ["bad"]]);
  });
});
