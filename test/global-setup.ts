/**
 * vitest global setup: builds the lexicon pack once before the test files start (otherwise each
 * parallel worker that finds none builds its own), and at the end says which fleet and OCR tests
 * were skipped and how to install what they need.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { ensureLexiconPack } from "../src/lexicon/lexicon-pack.js";
import { fleetServersUnavailableReason, fleetSkipNotice } from "./helpers/fleet-servers.js";
import { ocrSkipNotice, ocrToolsUnavailableReason } from "./helpers/ocr-tools.js";

const TEST_ROOT = import.meta.dirname;

/** The test files that skip themselves when `check` (the name of their availability check) says so. */
function filesSkippingOn(check: string, folder = TEST_ROOT): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) return filesSkippingOn(check, file);
    return entry.name.endsWith(".test.ts") && readFileSync(file, "utf8").includes(`${check}()`) ? [path.relative(path.dirname(TEST_ROOT), file)] : [];
  });
}

export default async function setup(): Promise<() => void> {
  ensureLexiconPack();
  const notices = [
    fleetSkipNotice(fleetServersUnavailableReason(), filesSkippingOn("fleetServersUnavailableReason").sort()),
    ocrSkipNotice(await ocrToolsUnavailableReason(), filesSkippingOn("ocrToolsUnavailableReason").sort()),
  ].filter((notice) => notice !== undefined);
  return () => {
    for (const notice of notices) console.warn(`\n${notice}\n`);
  };
}
