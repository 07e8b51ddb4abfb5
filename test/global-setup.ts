/**
 * vitest global setup: builds the lexicon pack once before the test files start (otherwise each
 * parallel worker that finds none builds its own), and at the end says which fleet tests were
 * skipped and how to install what they need.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { ensureLexiconPack } from "../src/lexicon/lexicon-pack.js";
import { fleetServersUnavailableReason, fleetSkipNotice } from "./helpers/fleet-servers.js";

const TEST_ROOT = import.meta.dirname;

/** The test files that skip themselves without the fleet servers. */
function fleetSuiteFiles(folder = TEST_ROOT): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) return fleetSuiteFiles(file);
    return entry.name.endsWith(".test.ts") && readFileSync(file, "utf8").includes("fleetServersUnavailableReason()") ? [path.relative(path.dirname(TEST_ROOT), file)] : [];
  });
}

export default function setup(): () => void {
  ensureLexiconPack();
  const notice = fleetSkipNotice(fleetServersUnavailableReason(), fleetSuiteFiles().sort());
  return () => {
    if (notice) console.warn(`\n${notice}\n`);
  };
}
