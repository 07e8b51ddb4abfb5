/** Returns Telegram HTML as the plain text a user reads: tags removed, entities decoded (for the audit record). */
export function plainText(html: string): string {
  return html
    .replace(/<[^>]*>/gu, "")
    .replace(/&lt;/gu, "<")
    .replace(/&gt;/gu, ">")
    .replace(/&quot;/gu, '"')
    .replace(/&amp;/gu, "&");
}
