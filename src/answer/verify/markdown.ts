/**
 * Markdown emphasis in model answers (**6.2%**, *增长*, `代码`). Models add it out of habit; the
 * verifier reads through it, and the bot shows it as Telegram HTML instead of literal asterisks.
 */

// Bold (** or __), italic (* or _ hugging non-space text, not inside a word) and inline code.
const EMPHASIS = /(\*\*|__)(?=\S)([^\n]*?\S)\1|(?<![*\w])([*_])(?=[^\s*_])([^*_\n]*?[^\s*_])\3(?![*\w])|`([^`\n]+)`/gu;

/** Returns `text` with markdown emphasis markers removed and their content kept. Never throws. */
export function withoutEmphasis(text: string): string {
  return text.replace(EMPHASIS, (_match, _bold, boldText?: string, _italic?: string, italicText?: string, code?: string) =>
    withoutEmphasis(boldText ?? italicText ?? code ?? ""),
  );
}

/**
 * Returns `text` as HTML: emphasis becomes <b>, <i> or <code>, everything else goes through
 * `escape` (which must escape &, < and >). Never throws.
 */
export function emphasisToHtml(text: string, escape: (plain: string) => string): string {
  let html = "";
  let last = 0;
  for (const match of text.matchAll(EMPHASIS)) {
    html += escape(text.slice(last, match.index));
    const [, , boldText, , italicText, code] = match;
    if (boldText !== undefined) html += `<b>${escape(withoutEmphasis(boldText))}</b>`;
    else if (italicText !== undefined) html += `<i>${escape(withoutEmphasis(italicText))}</i>`;
    else html += `<code>${escape(code ?? "")}</code>`;
    last = match.index + match[0].length;
  }
  return html + escape(text.slice(last));
}
