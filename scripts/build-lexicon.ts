// `npm run build-lexicon`: builds the lexicon pack (.cache/lexicon/) when it is missing or stale.
// `npm install` runs it (see scripts/build.mjs); a process that finds no pack builds it on first use.
import { ensureLexiconPack } from "../src/lexicon/lexicon-pack.js";

const started = performance.now();
const { path, built } = ensureLexiconPack();
process.stdout.write(built ? `Lexicon pack built in ${((performance.now() - started) / 1000).toFixed(1)} s: ${path}\n` : `Lexicon pack up to date: ${path}\n`);
