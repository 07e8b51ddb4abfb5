import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Builds the lexicon pack once, and names the fleet tests skipped without redis-server and PostgreSQL.
    globalSetup: ["test/global-setup.ts"],
    // Native addons (hnswlib, better-sqlite3, onnxruntime) are safest in forked processes.
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
