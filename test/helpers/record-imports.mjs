// `node --import` this file: writes `import: <package>` on stderr for each npm package the process
// imports, so a test can check what a command loads (test/cli/commands.test.ts).
import { register } from "node:module";

const hooks = `
export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  const match = /node_modules\\/((?:@[^/]+\\/)?[^/]+)\\//u.exec(resolved.url);
  if (match) process.stderr.write("import: " + match[1] + "\\n");
  return resolved;
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
