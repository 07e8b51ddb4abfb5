/**
 * `npm run audit -- --last 20 [--json] [--stats]`: prints recent answers for review — from
 * DATA_DIR/audit.jsonl, or in fleet mode (DATABASE_URL set) from PostgreSQL, every replica's.
 */
import { existsSync } from "node:fs";
import { formatAuditOutput, parseAuditArgs, runAuditCommand } from "../src/audit/audit-command.js";
import { loadConfig } from "../src/config.js";

try {
  if (existsSync(".env")) process.loadEnvFile(".env");
  const config = loadConfig(process.env);
  const options = parseAuditArgs(process.argv.slice(2));
  if (config.fleet) {
    const { openFleetAuditStore } = await import("../src/fleet/open-audit-store.js");
    const { store, close } = await openFleetAuditStore(config.fleet.databaseUrl);
    try {
      console.log(await formatAuditOutput(store, options));
    } finally {
      await close();
    }
  } else {
    console.log(runAuditCommand({ ...options, dataDir: config.dataDir }));
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
