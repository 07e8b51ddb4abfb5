/**
 * Characters that show nothing but change how text matches: bidirectional controls (a question
 * wrapped in RLO…PDF looks normal on screen), zero-width characters, and terminal escape
 * sequences pasted from a coloured terminal. Questions and documents lose them before anything
 * else looks at the text, so they can never turn an answerable question into "not found" or
 * break a verbatim quote.
 */

// ESC [ … final byte (CSI, e.g. colours "\x1b[31m"), ESC ] … BEL or ESC \ (OSC, e.g. titles and
// hyperlinks), the one-byte C1 CSI, and any other two-character ESC sequence.
const TERMINAL_ESCAPE = /\u001b\[[0-?]*[ -/]*[@-~]|\u009b[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-Z\\-_]?/gu;

// U+061C ALM, U+200E LRM, U+200F RLM, U+202A–U+202E embeddings and overrides, U+2066–U+2069
// isolates; U+200B–U+200D zero-width space and (non-)joiners, U+2060–U+2064 word joiner and
// invisible operators, U+FEFF BOM / zero-width no-break space, U+180E Mongolian vowel separator,
// U+00AD soft hyphen, U+034F combining grapheme joiner.
const INVISIBLE_FORMAT = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u200b-\u200d\u2060-\u2064\ufeff\u180e\u00ad\u034f]/gu;

// Remaining C0 and C1 controls other than tab and line breaks (\n, \r, \f, \v stay: they carry
// layout that paragraph splitting reads).
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f]/gu;

/**
 * Returns `text` without bidirectional controls, zero-width characters, terminal escape sequences
 * and other control characters (tab and line breaks are kept). Never throws.
 */
export function stripInvisible(text: string): string {
  return text.replace(TERMINAL_ESCAPE, "").replace(INVISIBLE_FORMAT, "").replace(CONTROL, "");
}

