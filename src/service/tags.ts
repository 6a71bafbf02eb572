// The tags a request carries (InviteAccountToOrganization, CreateOrganizationalUnit), checked
// as the service checks them: each tag's form, duplicate keys, then how many.
import { invalidInput, reasonError } from '../model/errors.js';
import { TAG_PATTERN } from '../model/ids.js';
import { MAX_TAGS } from '../model/limits.js';
import type { Tag } from '../model/types.js';

export function checkTags(tags: unknown): Tag[] {
  if (tags === undefined || tags === null) return [];
  if (!Array.isArray(tags)) throw invalidInput('INVALID_PATTERN', 'TAG');
  const seen = new Set<string>();
  const checked: Tag[] = [];
  for (const tag of tags) {
    const { Key, Value } = (typeof tag === 'object' && tag !== null ? tag : {}) as Record<string, unknown>;
    if (typeof Key !== 'string' || typeof Value !== 'string') throw invalidInput('INVALID_PATTERN', 'TAG');
    if (Key.length < 1 || Key.length > 128 || Value.length > 256) throw invalidInput('MAX_LENGTH_EXCEEDED', 'TAG');
    if (!TAG_PATTERN.test(Key) || !TAG_PATTERN.test(Value)) throw invalidInput('INVALID_PATTERN', 'TAG');
    if (seen.has(Key)) throw invalidInput('DUPLICATE_TAG_KEY');
    seen.add(Key);
    checked.push({ Key, Value });
  }
  if (checked.length > MAX_TAGS) throw reasonError('ConstraintViolationException', 'MAX_TAG_LIMIT_EXCEEDED');
  return checked;
}
