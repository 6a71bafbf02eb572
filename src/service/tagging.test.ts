// Tags on the root, OUs and member accounts (organization.md ).
import { describe, expect, it } from 'vitest';
import { ANIKA, BILL, JUAN, TestWorld } from './testing/world.js';

const ROOT = 'r-exam';

const withMember = () => TestWorld.withJuan();

const tagsOf = (w: TestWorld, id: string) => w.call('ListTagsForResource', BILL, { ResourceId: id }).Tags;
const tag = (w: TestWorld, id: string, tags: unknown) => w.outcome('TagResource', BILL, { ResourceId: id, Tags: tags });

describe('tag-resource, untag-resource, list-tags-for-resource', () => {
  it('tags the root, an OU and a member; a changed key keeps its place; untag ignores keys it lacks', () => {
    const world = withMember();
    const ou = world.call('CreateOrganizationalUnit', BILL, { ParentId: ROOT, Name: 'W', Tags: [{ Key: 'team', Value: 'a' }] }).OrganizationalUnit.Id;
    for (const id of [ROOT, ou, JUAN]) {
      expect(tag(world, id, [{ Key: 'env', Value: 'prod' }, { Key: 'cost', Value: '1' }])).toBe('ok');
      expect(tag(world, id, [{ Key: 'env', Value: '' }, { Key: 'new', Value: 'x' }])).toBe('ok');
    }
    expect(tagsOf(world, ROOT)).toEqual([{ Key: 'env', Value: '' }, { Key: 'cost', Value: '1' }, { Key: 'new', Value: 'x' }]);
    expect(tagsOf(world, ou).map((t: { Key: string }) => t.Key)).toEqual(['team', 'env', 'cost', 'new']);
    expect(world.call('UntagResource', BILL, { ResourceId: JUAN, TagKeys: ['cost', 'absent'] })).toEqual({});
    expect(tagsOf(world, JUAN).map((t: { Key: string }) => t.Key)).toEqual(['env', 'new']);
    expect(world.outcome('UntagResource', BILL, { ResourceId: JUAN })).toBe('InvalidInputException:INPUT_REQUIRED:TAG_KEYS');
    // Tags survive a move, and go when the account leaves.
    world.call('MoveAccount', BILL, { AccountId: JUAN, SourceParentId: ROOT, DestinationParentId: ou });
    expect(tagsOf(world, JUAN)).toHaveLength(2);
    world.call('LeaveOrganization', JUAN);
    expect(world.outcome('ListTagsForResource', BILL, { ResourceId: JUAN })).toBe('TargetNotFoundException');
  });

  it.each([
    [undefined, 'InvalidInputException:INPUT_REQUIRED:TAGS'],
    [[{ Key: 'a' }], 'InvalidInputException:INPUT_REQUIRED:TAGS_1_MEMBER_VALUE'],
    [[{ Key: 'a', Value: '1' }, { Key: 'k'.repeat(129), Value: '' }], 'InvalidInputException:MAX_LENGTH_EXCEEDED:TAGS_2_MEMBER_KEY'],
    [[{ Key: '', Value: '' }], 'InvalidInputException:MIN_LENGTH_EXCEEDED:TAGS_1_MEMBER_KEY'],
    [[{ Key: 'a', Value: 'v'.repeat(257) }], 'InvalidInputException:MAX_LENGTH_EXCEEDED:TAGS_1_MEMBER_VALUE'],
    [[{ Key: 'a#b', Value: '' }], 'InvalidInputException:INVALID_PATTERN:TAGS_1_MEMBER_KEY'],
    [[{ Key: 'aws:x', Value: '' }], 'InvalidInputException:INVALID_SYSTEM_TAGS_PARAMETER'],
    [[{ Key: 'a', Value: '1' }, { Key: 'a', Value: '2' }], 'InvalidInputException:DUPLICATE_TAG_KEY'],
  ])('%o → %s, and nothing is applied', (tags, expected) => {
    const world = withMember();
    expect(tag(world, JUAN, tags)).toBe(expected);
    expect(tagsOf(world, JUAN)).toEqual([]);
  });

  it('128-character keys and 256-character values are tags, counted in characters; fifty at most after merging', () => {
    const world = withMember();
    expect(tag(world, JUAN, [{ Key: 'é'.repeat(128), Value: 'é'.repeat(256) }])).toBe('ok');
    expect(tag(world, JUAN, Array.from({ length: 49 }, (_, i) => ({ Key: `k${i}`, Value: '' })))).toBe('ok');
    expect(tag(world, JUAN, [{ Key: 'k0', Value: 'changed' }])).toBe('ok');
    expect(tag(world, JUAN, [{ Key: 'one-more', Value: '' }])).toBe('ConstraintViolationException:MAX_TAG_LIMIT_EXCEEDED');
    expect(tagsOf(world, JUAN)).toHaveLength(50);
  });

  it('who may, and what can be tagged', () => {
    const world = withMember();
    expect(world.outcome('TagResource', JUAN, { ResourceId: JUAN, Tags: [] })).toBe('AccessDeniedException');
    expect(world.outcome('ListTagsForResource', ANIKA, { ResourceId: ANIKA })).toBe('AWSOrganizationsNotInUseException');
    expect(tag(world, ANIKA, [])).toBe('TargetNotFoundException');
    expect(tag(world, 'ou-exam-00000000', [])).toBe('TargetNotFoundException');
    expect(tag(world, 'p-12345678', [])).toBe('TargetNotFoundException');
    expect(tag(world, 'nope', [])).toBe('InvalidInputException:INVALID_PATTERN:RESOURCE_ID');
    expect(tag(world, JUAN, [])).toBe('ok');
  });
});
