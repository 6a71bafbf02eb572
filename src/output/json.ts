// The AWS CLI's JSON output: Python's json.dump(indent=4, ensure_ascii=False) and a newline;
// an empty response prints nothing.

export function formatJson(value: unknown): string {
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0) return '';
  return JSON.stringify(value, null, 4) + '\n';
}
