// `npm run build` (and `npm install`, through `prepare`): compiles src/ and the command scripts to
// dist/ so the commands start with plain node (tsx costs ~1.3 s per start), links the files the
// code reads next to itself (prompts/, fitted weights), and builds the lexicon pack the compiled
// code opens. Plain JavaScript because it runs before anything is compiled.
import { execFileSync } from "node:child_process";
import { existsSync, lstatSync, mkdirSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const require = createRequire(import.meta.url);
const node = (args) => execFileSync(process.execPath, args, { cwd: root, stdio: "inherit" });

node([require.resolve("typescript/bin/tsc"), "-p", join(root, "tsconfig.build.json")]);

// Links, not copies: an edited prompt or retrained weight is seen without rebuilding.
const link = (source, target) => {
  mkdirSync(dirname(target), { recursive: true });
  if (existsSync(target) || isLink(target)) rmSync(target, { recursive: true, force: true });
  symlinkSync(relative(dirname(target), source), target);
};
const isLink = (path) => {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
};
link(join(root, "prompts"), join(root, "dist", "prompts"));
const assets = (folder) =>
  readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return assets(path);
    return /\.(?:json|txt)$/u.test(entry.name) ? [path] : [];
  });
for (const asset of assets(join(root, "src"))) link(asset, join(root, "dist", relative(root, asset)));

node([join(root, "dist", "scripts", "build-lexicon.js")]);
