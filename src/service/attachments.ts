// Which policy is attached directly to which root, OU or account, and the one default the service
// keeps (organization.md R-217): while SCPs are enabled, FullAWSAccess is attached to the root, to
// every new OU and to every account that joins. Kept apart so that joining and leaving can call it.
import { PolicyType } from '../model/enums.js';
import type { OrganizationRecord, PolicyAttachment } from '../model/types.js';

import { FULL_AWS_ACCESS_ID } from '../model/ids.js';

export const attachmentsOf = (org: OrganizationRecord): PolicyAttachment[] => org.Attachments ?? [];

export const isEnabled = (org: OrganizationRecord, type: string): boolean => (org.PolicyTypes ?? []).includes(type as PolicyType);

export function attach(org: OrganizationRecord, policyId: string, targetId: string): void {
  if (!attachmentsOf(org).some((a) => a.PolicyId === policyId && a.TargetId === targetId)) (org.Attachments ??= []).push({ PolicyId: policyId, TargetId: targetId });
}

/** A new root, OU or member gets FullAWSAccess while SCPs are enabled. */
export function attachDefault(org: OrganizationRecord, targetId: string): void {
  if (isEnabled(org, PolicyType.SERVICE_CONTROL_POLICY)) attach(org, FULL_AWS_ACCESS_ID, targetId);
}

/** A target that leaves (an account) or goes (an OU) takes its attachments with it. */
export function dropTarget(org: OrganizationRecord, targetId: string): void {
  if (org.Attachments) org.Attachments = org.Attachments.filter((a) => a.TargetId !== targetId);
}
