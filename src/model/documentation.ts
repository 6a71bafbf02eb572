// Member documentation (generated, and large), for yaml-input skeletons and help. Loaded only
// by them: its own bundle (dist/docs.cjs).
import { MEMBER_DOCS } from './generated/docs.js';

/** The first sentence of a member's documentation, as the AWS CLI shows it. */
export function memberDoc(structure: string, member: string, service = 'organizations'): string {
  return MEMBER_DOCS[service]?.[`${structure}.${member}`] ?? '';
}
