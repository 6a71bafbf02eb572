// The tags a request carries (InviteAccountToOrganization, CreateOrganizationalUnit), checked
// as the service checks them: each tag's form, duplicate keys, then how many.
import { invalidInput, reasonError } from '../model/errors.js';
import { tagKeyPattern, tagValuePattern } from '../model/ids.js';
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
    if (!tagValuePattern().test(Key) || !tagValuePattern().test(Value)) throw invalidInput('INVALID_PATTERN', 'TAG');
    if (seen.has(Key)) throw invalidInput('DUPLICATE_TAG_KEY');
    seen.add(Key);
    checked.push({ Key, Value });
  }
  if (checked.length > MAX_TAGS) throw reasonError('ConstraintViolationException', 'MAX_TAG_LIMIT_EXCEEDED');
  return checked;
}

/**
 * The tags of TagResource and CreateOrganizationalUnit as organization.md R-206 gives their
 * refusals: each names the tag by its 1-based place (`MAX_LENGTH_EXCEEDED:TAGS_2_MEMBER_KEY`).
 * The `aws:` prefix is reserved for the service's own tags.
 */
export function checkTagList(tags: unknown): Tag[] {
  if (tags === undefined || tags === null) throw invalidInput('INPUT_REQUIRED', 'TAGS');
  if (!Array.isArray(tags)) throw invalidInput('INVALID_PATTERN', 'TAGS');
  const checked: Tag[] = [];
  const seen = new Set<string>();
  tags.forEach((tag, i) => {
    const field = (member: string) => `TAGS_${i + 1}_MEMBER_${member}`;
    const { Key, Value } = (typeof tag === 'object' && tag !== null ? tag : {}) as Record<string, unknown>;
    if (Key === undefined || Key === null) throw invalidInput('INPUT_REQUIRED', field('KEY'));
    if (Value === undefined || Value === null) throw invalidInput('INPUT_REQUIRED', field('VALUE'));
    if (typeof Key !== 'string') throw invalidInput('INVALID_PATTERN', field('KEY'));
    if (typeof Value !== 'string') throw invalidInput('INVALID_PATTERN', field('VALUE'));
    const length = (s: string) => Array.from(s).length;
    if (length(Key) < 1) throw invalidInput('MIN_LENGTH_EXCEEDED', field('KEY'));
    if (length(Key) > 128) throw invalidInput('MAX_LENGTH_EXCEEDED', field('KEY'));
    if (length(Value) > 256) throw invalidInput('MAX_LENGTH_EXCEEDED', field('VALUE'));
    if (!tagKeyPattern().test(Key)) throw invalidInput('INVALID_PATTERN', field('KEY'));
    if (!tagValuePattern().test(Value)) throw invalidInput('INVALID_PATTERN', field('VALUE'));
    if (Key.startsWith('aws:')) throw invalidInput('INVALID_SYSTEM_TAGS_PARAMETER');
    if (seen.has(Key)) throw invalidInput('DUPLICATE_TAG_KEY');
    seen.add(Key);
    checked.push({ Key, Value });
  });
  return checked;
}

/** `current` with `changes` applied: a changed key keeps its place, a new one goes last; at most 50 after merging. */
export function mergeTags(current: readonly Tag[], changes: readonly Tag[]): Tag[] {
  const merged = current.map((t) => ({ ...t }));
  for (const change of changes) {
    const existing = merged.find((t) => t.Key === change.Key);
    if (existing) existing.Value = change.Value;
    else merged.push({ ...change });
  }
  if (merged.length > MAX_TAGS) throw reasonError('ConstraintViolationException', 'MAX_TAG_LIMIT_EXCEEDED');
  return merged;
}
