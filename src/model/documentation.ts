// Member documentation (generated, and large), for yaml-input skeletons and help. Loaded only
// by them: its own bundle (dist/docs.cjs).
import { MEMBER_DOCS } from './generated/docs.js';

/** The first sentence of a member's documentation, as the AWS CLI shows it; a second service's shapes are `<service>.<Shape>`. */
export function memberDoc(structure: string, member: string): string {
  const dot = structure.indexOf('.');
  const [service, shape] = dot < 0 ? ['organizations', structure] : [structure.slice(0, dot), structure.slice(dot + 1)];
  return MEMBER_DOCS[service]?.[`${shape}.${member}`] ?? '';
}
