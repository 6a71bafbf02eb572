// The state file and its index are ASCII: read back one byte a character, fast and exact.

/** Non-ASCII characters as JSON \u escapes: the file stays ASCII, its text one byte a character. */
export function asciiJson(value: unknown): string {
  const text = JSON.stringify(value);
  return /[^\x00-\x7f]/.test(text) ? text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : text;
}
