/**
 * Text from filings (names, values, file names) reaches the terminal. Control characters in it could move
 * the cursor, recolour or clear the screen, ring the bell or rewrite the window title (ESC, BEL, CSI …), so
 * every C0 and C1 control but line feed and tab is dropped, and DEL with them.
 */
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

export function forTerminal(text: string): string {
  return text.replace(CONTROLS, '');
}
