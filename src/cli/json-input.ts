// JSON as the AWS CLI reads it: Python's json.loads, its refusals and their messages
// ("Expecting property name enclosed in double quotes: line 1 column 2 (char 1)").
import { pyJsonLoads } from '../output/python-json.js';

export { PyJsonDepthError, PyJsonError } from '../output/python-json.js';

/** Parses JSON as Python does; a float stays a float (it then fails validation as one). */
export function parseJson(text: string): unknown {
  return pyJsonLoads(text);
}
