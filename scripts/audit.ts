/** `npm run audit -- --last 20 [--json] [--stats]`: prints recent answers from DATA_DIR/audit.jsonl for review. */
import { existsSync } from "node:fs";
import { parseAuditArgs, runAuditCommand } from "../src/audit/audit-command.js";
import { runCli } from "../src/cli/run-cli.js";
import { loadConfig } from "../src/config.js";
import { scrubSecrets, secretsFromEnvironment } from "../src/secrets/scrub-secrets.js";

runCli(async () => {
  if (existsSync(".env")) process.loadEnvFile(".env");
  const config = loadConfig(process.env);
  const output = runAuditCommand({ ...parseAuditArgs(process.argv.slice(2)), dataDir: config.dataDir });
  // Records written before secrets were scrubbed at write time may still hold one.
  process.stdout.write(`${scrubSecrets(output, secretsFromEnvironment(process.env))}\n`);
});
