import { createRequire } from "node:module";
import type cliProgressModule from "cli-progress";
import type { IndexProgress } from "../store/types.js";

/**
 * Returns an `onProgress` callback that draws one progress bar on stderr for a re-index (stdout
 * stays clean for JSON output), and `stop()` to clear it. Draws nothing when stderr is not a TTY.
 */
export function createIndexProgressBar(stream: NodeJS.WriteStream = process.stderr): {
  onProgress: (progress: IndexProgress) => void;
  stop: () => void;
} {
  // Required here, not imported: `ask` opens the services with a progress bar it rarely draws.
  const cliProgress = createRequire(import.meta.url)("cli-progress") as typeof cliProgressModule;
  const bar = new cliProgress.SingleBar(
    { stream, format: "{phase} [{bar}] {value}/{total}", hideCursor: true, clearOnComplete: false, noTTYOutput: false },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  let phase = "";
  return {
    onProgress(progress) {
      if (!stream.isTTY) return;
      if (progress.phase === "scan" || progress.phase === "done") return;
      if (!started) {
        bar.start(progress.total, 0, { phase: progress.phase.padEnd(5) });
        started = true;
      }
      if (progress.phase !== phase) {
        phase = progress.phase;
        bar.setTotal(progress.total);
      }
      bar.update(progress.done, { phase: progress.phase.padEnd(5) });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
