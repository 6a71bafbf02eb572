// What a policy's content must be for its type (organization.md ). orgsim checks the
// grammar, not IAM's catalogue of actions and condition keys (a documented simplification).
import { PolicyType } from '../model/enums.js';
import { OrganizationsError, reasonError } from '../model/errors.js';
import { OTHER_POLICY_LIMITS, POLICY_LIMITS } from '../model/limits.js';

export const policyLimits = (type: string) => POLICY_LIMITS[type] ?? OTHER_POLICY_LIMITS;

const malformed = () => new OrganizationsError('MalformedPolicyDocumentException');
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether some object of the JSON text names a key twice (JSON.parse would keep the last silently). */
function hasDuplicateKeys(text: string): boolean {
  const stack: (Set<string> | null)[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '{') stack.push(new Set());
    else if (c === '[') stack.push(null);
    else if (c === '}' || c === ']') stack.pop();
    else if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      const raw = text.slice(i, j + 1);
      i = j;
      let k = j + 1;
      while (k < text.length && /\s/.test(text[k]!)) k++;
      const keys = stack[stack.length - 1];
      if (text[k] === ':' && keys) {
        const key = JSON.parse(raw) as string;
        if (keys.has(key)) return true;
        keys.add(key);
      }
    }
  }
  return false;
}

const STATEMENT_KEYS = new Set(['Sid', 'Effect', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition']);
const strings = (v: unknown) => typeof v === 'string' || (Array.isArray(v) && v.length > 0 && v.every((s) => typeof s === 'string'));

/** the IAM policy language as SCPs take it since 2025-09-19, without Principal. */
function checkServiceControlPolicy(doc: Record<string, unknown>): void {
  if (Object.keys(doc).some((k) => !['Version', 'Id', 'Statement'].includes(k))) throw malformed();
  if (doc.Version !== '2012-10-17') throw malformed();
  const statements = Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
  if (!statements.length) throw malformed();
  for (const s of statements) {
    if (!isObject(s) || Object.keys(s).some((k) => !STATEMENT_KEYS.has(k))) throw malformed();
    if (s.Effect !== 'Allow' && s.Effect !== 'Deny') throw malformed();
    if (('Action' in s) === ('NotAction' in s)) throw malformed();
    if (!strings(s.Action ?? s.NotAction)) throw malformed();
    if ('Resource' in s && 'NotResource' in s) throw malformed();
    for (const r of ['Resource', 'NotResource']) if (r in s && !strings(s[r])) throw malformed();
    if ('Condition' in s && !isObject(s.Condition)) throw malformed();
    if ('Sid' in s && typeof s.Sid !== 'string') throw malformed();
  }
}

const VALUE_OPERATORS = new Set(['@@assign', '@@append', '@@remove']);
const CHILD_OPERATORS = '@@operators_allowed_for_child_policies';
const ALLOWED_FOR_CHILDREN = new Set(['@@all', '@@assign', '@@append', '@@remove', '@@none']);

/** An operator's place in a tag policy: values may be strings, null, numbers or lists, never objects. */
function checkOperators(node: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(node)) {
    if (VALUE_OPERATORS.has(key)) {
      if (isObject(value)) throw malformed();
    } else if (key === CHILD_OPERATORS) {
      if (!Array.isArray(value) || value.some((o) => typeof o !== 'string' || !ALLOWED_FOR_CHILDREN.has(o))) throw malformed();
      if (new Set(value).size !== value.length || (value.includes('@@none') && value.length > 1)) throw malformed();
    } else if (key.startsWith('@@')) throw malformed();
    else if (isObject(value)) checkOperators(value);
  }
}

/** {"tags": {<key>: {tag_key, tag_value, enforced_for, ...}}} with inheritance operators inside each key. */
function checkTagPolicy(doc: Record<string, unknown>): void {
  if (!isObject(doc.tags) || Object.keys(doc).some((k) => k !== 'tags')) throw malformed();
  for (const [key, value] of Object.entries(doc.tags)) {
    if (key.startsWith('@@') || !isObject(value)) throw malformed();
    checkOperators(value);
  }
}

/** Refuses content its type does not admit, then content over the type's size (R-218 steps 4 and 5). */
export function checkContent(type: string, content: string): void {
  let doc: unknown;
  try {
    doc = JSON.parse(content);
  } catch {
    throw malformed();
  }
  if (!isObject(doc) || hasDuplicateKeys(content)) throw malformed();
  if (type === PolicyType.SERVICE_CONTROL_POLICY) checkServiceControlPolicy(doc);
  else if (type === PolicyType.TAG_POLICY) checkTagPolicy(doc);
  // Characters as sent, whitespace included.
  if (Array.from(content).length > policyLimits(type).size) throw reasonError('ConstraintViolationException', 'POLICY_CONTENT_LIMIT_EXCEEDED');
}
