/**
 * Text bound for a terminal, from names and ids the input file gave: C0 and C1 control characters and
 * DEL are shown as `\uXXXX` escapes, so a name cannot clear the screen, retitle the window, or break a
 * table with a CR, LF or TAB. Letters of any script pass unchanged.
 */

// C0 (U+0000–U+001F), DEL (U+007F) and C1 (U+0080–U+009F).
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/** `text` with every control character written as a `\uXXXX` escape. */
export function terminalText(text: string): string {
  return text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
