// JSON as the AWS CLI reads it, with Python-style error messages.

export class JsonSyntaxError extends Error {}

/** Parses JSON; on failure the message reads like Python's json module ("Expecting value: line 1 column 1 (char 0)"). */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const match = /position (\d+)/.exec((error as Error).message);
    const char = match ? Number(match[1]) : text.length;
    const before = text.slice(0, char);
    const line = before.split('\n').length;
    const column = char - (before.lastIndexOf('\n') + 1) + 1;
    const what = text.trim() === '' || char === 0 ? 'Expecting value' : 'Invalid JSON';
    throw new JsonSyntaxError(`${what}: line ${line} column ${column} (char ${char})`);
  }
}
