/** Long jobs (re-index, upload) started by a handler that must not block the chat's update queue. */
export interface BackgroundTasks {
  /** Runs `task` in the background; its rejection is logged by the caller's own catch. */
  track(task: Promise<unknown>): void;
  /** Resolves once every tracked task has settled (for graceful shutdown and tests). */
  drain(): Promise<void>;
  size(): number;
}

/** Returns an empty task tracker. */
export function createBackgroundTasks(): BackgroundTasks {
  const running = new Set<Promise<unknown>>();
  return {
    track(task) {
      const settled = task.then(
        () => undefined,
        () => undefined,
      );
      running.add(settled);
      void settled.then(() => running.delete(settled));
    },
    async drain() {
      while (running.size > 0) await Promise.all([...running]);
    },
    size: () => running.size,
  };
}
