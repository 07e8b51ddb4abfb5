/**
 * Group commit: `write` is called with one item when nothing is being written, and while a write
 * is in flight the items that arrive wait and go together in the next one. Under load many
 * answers share one round trip (and one statement for the server to run); alone, an item waits
 * for nothing. Each caller's promise settles with the write that carried its item, so a caller
 * still learns that its item is stored (or why not) before it goes on. When a write of several
 * items fails, each is written again alone, so one bad item does not fail the others.
 */
export function groupCommit<Item>(write: (items: Item[]) => Promise<void>): (item: Item) => Promise<void> {
  let waiting: { item: Item; settle: { resolve: () => void; reject: (error: unknown) => void } }[] = [];
  let writing = false;

  const flush = async (): Promise<void> => {
    writing = true;
    while (waiting.length > 0) {
      const batch = waiting;
      waiting = [];
      try {
        await write(batch.map((entry) => entry.item));
        for (const entry of batch) entry.settle.resolve();
      } catch (error) {
        if (batch.length === 1) {
          batch[0]!.settle.reject(error);
          continue;
        }
        for (const entry of batch) {
          await write([entry.item]).then(entry.settle.resolve, entry.settle.reject);
        }
      }
    }
    writing = false;
  };

  return (item) =>
    new Promise<void>((resolve, reject) => {
      waiting.push({ item, settle: { resolve, reject } });
      if (!writing) void flush();
    });
}
