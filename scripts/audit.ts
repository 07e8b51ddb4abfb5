/** `npm run audit -- --last 20 [--json] [--stats]`: prints recent answers from DATA_DIR/audit.jsonl for review. */
import { existsSync } from "node:fs";
import { parseAuditArgs, runAuditCommand } from "../src/audit/audit-command.js";
import { loadConfig } from "../src/config.js";

try {
  if (existsSync(".env")) process.loadEnvFile(".env");
  const config = loadConfig(process.env);
  console.log(runAuditCommand({ ...parseAuditArgs(process.argv.slice(2)), dataDir: config.dataDir }));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
