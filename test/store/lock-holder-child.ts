// Child process for the build-lock tests: takes the build lock of DATA_DIR (argv[2]), prints
// "locked <pid>", and holds it until it is killed.
import { acquireBuildLock } from "../../src/store/build-lock.js";

const dataDir = process.argv[2];
if (!dataDir) throw new Error("usage: lock-holder-child.ts <dataDir>");
acquireBuildLock(dataDir);
process.stdout.write(`locked ${process.pid}\n`);
setInterval(() => undefined, 60_000);
