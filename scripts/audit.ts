/**
 * `npm run audit -- --last 20 [--json] [--stats]`: prints recent answers for review — from
 * DATA_DIR/audit.jsonl, or in fleet mode (DATABASE_URL set) from PostgreSQL, every replica's.
 */
import { existsSync } from "node:fs";
import { AUDIT_USAGE, formatAuditOutput, parseAuditArgs, runAuditCommand } from "../src/audit/audit-command.js";
import { runCli } from "../src/cli/run-cli.js";
import { loadConfig } from "../src/config.js";
import { scrubSecrets, secretsFromEnvironment } from "../src/secrets/scrub-secrets.js";

runCli(async () => {
  const options = parseAuditArgs(process.argv.slice(2));
  // Usage needs no configuration: it works before a .env exists.
  if (options.help) {
    process.stdout.write(`${AUDIT_USAGE}\n`);
    return;
  }
  if (existsSync(".env")) process.loadEnvFile(".env");
  const config = loadConfig(process.env);
  let output: string;
  if (config.fleet) {
    const { openFleetAuditStore } = await import("../src/fleet/open-audit-store.js");
    const { store, close } = await openFleetAuditStore(config.fleet.databaseUrl);
    try {
      output = await formatAuditOutput(store, options);
    } finally {
      await close();
    }
  } else {
    output = runAuditCommand({ ...options, dataDir: config.dataDir });
  }
  // Records written before secrets were scrubbed at write time may still hold one.
  process.stdout.write(`${scrubSecrets(output, secretsFromEnvironment(process.env))}\n`);
});
