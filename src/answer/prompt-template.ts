/**
 * Prompt templates: text files in prompts/ with named `{{placeholders}}`. Placeholders are
 * checked both ways, so a renamed placeholder or a forgotten value fails loudly in tests
 * instead of sending a model a prompt with a hole in it.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";

const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
// Template files may carry notes for maintainers in HTML comments; the model never sees them.
const COMMENT = /<!--[\s\S]*?-->\s*/g;

/**
 * Returns the template `promptsDir/name.md` with HTML comments removed.
 * @throws Error naming the file when it cannot be read.
 */
export async function loadPrompt(name: string, promptsDir: string): Promise<string> {
  const path = join(promptsDir, `${name}.md`);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new Error(`Cannot read prompt template "${name}" at ${path}`, { cause: error });
  }
  return text.replace(COMMENT, "").trim();
}

/**
 * Returns a loader of `promptsDir`'s templates that reads each file once. A failed read is not
 * cached, so fixing the file fixes the next call. The promise rejects as {@link loadPrompt} does.
 */
export function cachedPromptLoader(promptsDir: string): (name: string) => Promise<string> {
  const templates = new Map<string, Promise<string>>();
  return (name) => {
    let template = templates.get(name);
    if (!template) {
      template = loadPrompt(name, promptsDir);
      template.catch(() => templates.delete(name));
      templates.set(name, template);
    }
    return template;
  };
}

/** Returns the distinct placeholder names in `template`, in order of first appearance. */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((match) => match[1]!))];
}

/**
 * Returns `template` with every `{{name}}` replaced by `values[name]`. Values are inserted in
 * one pass, so a passage that itself contains "{{question}}" stays literal text.
 * @throws Error when the template has a placeholder with no value, or a value has no placeholder.
 */
export function renderPrompt(template: string, values: Record<string, string>): string {
  const names = placeholdersOf(template);
  const missing = names.filter((name) => !Object.hasOwn(values, name));
  const unused = Object.keys(values).filter((name) => !names.includes(name));
  if (missing.length > 0 || unused.length > 0) {
    const problems = [
      missing.length > 0 ? `no value for ${missing.map((name) => `{{${name}}}`).join(", ")}` : "",
      unused.length > 0 ? `no placeholder for ${unused.join(", ")}` : "",
    ].filter(Boolean);
    throw new Error(`Prompt template mismatch: ${problems.join("; ")}`);
  }
  return template.replace(PLACEHOLDER, (_match, name: string) => values[name]!);
}
