// The AWS CLI's JSON output: Python's json.dump(indent=4, ensure_ascii=False) and a newline;
// an empty response prints nothing. JSON.stringify writes the same bytes for everything but
// floats, which only a --query makes.
import { holdsFloat, pyJsonDumps } from './python-json.js';

/** `queried`: the value came out of a --query, the one source of floats. */
export function formatJson(value: unknown, queried = false): string {
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0) return '';
  if (queried && holdsFloat(value)) return pyJsonDumps(value, { indent: 4, ensureAscii: false }) + '\n';
  return JSON.stringify(value, null, 4) + '\n';
}

export interface JsonPages {
  page(page: Record<string, unknown>): void;
  /** The response is complete: `resumeToken` is the NextToken of a listing cut at --max-items. */
  end(resumeToken: string | undefined): void;
}

/**
 * The JSON of a paginated response written a page at a time: the same bytes as formatJson of the
 * pages merged (cli/paginate.ts mergePages: the items of every page, the first page's other members
 * but its token, then the resume token), without holding every item at once.
 */
export function jsonPages(resultKey: string, outputToken: string, write: (text: string) => void): JsonPages {
  let others: [string, unknown][] | undefined;
  let items = 0;
  const head = `{\n    ${JSON.stringify(resultKey)}: [`;
  const tail = '\n    ]\n}';
  const nested = (value: unknown, depth: number) => (JSON.stringify(value, null, 4) ?? 'null').replaceAll('\n', '\n' + ' '.repeat(4 * depth));
  const begin = (page: Record<string, unknown>) => {
    if (others) return;
    others = Object.entries(page).filter(([key, value]) => key !== resultKey && key !== outputToken && value !== undefined);
    write(head);
  };
  return {
    page(page) {
      begin(page);
      const list = page[resultKey];
      if (!Array.isArray(list) || !list.length) return;
      // The page's items as they stand in the merged response: between its list's brackets.
      const whole = JSON.stringify({ [resultKey]: list }, null, 4);
      write((items ? ',' : '') + whole.slice(head.length, whole.length - tail.length));
      items += list.length;
    },
    end(resumeToken) {
      begin({});
      // mergePages sets NextToken where the first page had a member of that name, else last.
      const members = resumeToken === undefined ? others! : others!.map(([key, value]): [string, unknown] => [key, key === 'NextToken' ? resumeToken : value]);
      if (resumeToken !== undefined && !others!.some(([key]) => key === 'NextToken')) members.push(['NextToken', resumeToken]);
      let text = items ? '\n    ]' : ']';
      for (const [key, value] of members) text += `,\n    ${JSON.stringify(key)}: ${nested(value, 1)}`;
      write(`${text}\n}\n`);
    },
  };
}
