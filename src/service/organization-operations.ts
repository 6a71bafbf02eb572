// The handlers of the operations around the handshake: the organization's shape, tags, policies,
// created and closed accounts, delegated administrators, billing transfers and STS. Their own bundle (dist/operations.cjs), loaded by
// loadHandler (operations.ts) before the first call that needs one.
import type { Handler } from './handler.js';
import { listRoots } from './roots.js';
import { moveAccount } from './move-account.js';
import { listTagsForResource, tagResource, untagResource } from './tagging.js';
import { createOrganization, deleteOrganization } from './organization-lifecycle.js';
import { listAccountsForParent, listChildren, listOrganizationalUnitsForParent, listParents } from './navigation.js';
import { createOrganizationalUnit, deleteOrganizationalUnit, describeOrganizationalUnit, updateOrganizationalUnit } from './organizational-units.js';
import { assumeRole, getCallerIdentity } from './sts.js';
import { createAccount, describeCreateAccountStatus, listCreateAccountStatus } from './create-account.js';
import { closeAccount } from './close-account.js';
import { deregisterDelegatedAdministrator, disableAwsServiceAccess, enableAwsServiceAccess, listAwsServiceAccessForOrganization, listDelegatedAdministrators, listDelegatedServicesForAccount, registerDelegatedAdministrator } from './delegation.js';
import { createPolicy, deletePolicy, describePolicy, listPolicies, updatePolicy } from './policies.js';
import { describeResponsibilityTransfer, inviteOrganizationToTransferResponsibility, listInboundResponsibilityTransfers, listOutboundResponsibilityTransfers, terminateResponsibilityTransfer, updateResponsibilityTransfer } from './transfers.js';
import { attachPolicy, detachPolicy, disablePolicyType, enablePolicyType, listPoliciesForTarget, listTargetsForPolicy } from './policy-attachments.js';

export const ORGANIZATION_HANDLERS: Record<string, Handler> = {
  ListRoots: listRoots,
  CreateOrganizationalUnit: createOrganizationalUnit,
  DescribeOrganizationalUnit: describeOrganizationalUnit,
  UpdateOrganizationalUnit: updateOrganizationalUnit,
  DeleteOrganizationalUnit: deleteOrganizationalUnit,
  ListOrganizationalUnitsForParent: listOrganizationalUnitsForParent,
  ListChildren: listChildren,
  ListParents: listParents,
  ListAccountsForParent: listAccountsForParent,
  MoveAccount: moveAccount,
  CreateOrganization: createOrganization,
  DeleteOrganization: deleteOrganization,
  TagResource: tagResource,
  UntagResource: untagResource,
  ListTagsForResource: listTagsForResource,
  CreateAccount: createAccount,
  DescribeCreateAccountStatus: describeCreateAccountStatus,
  ListCreateAccountStatus: listCreateAccountStatus,
  CloseAccount: closeAccount,
  CreatePolicy: createPolicy,
  DescribePolicy: describePolicy,
  UpdatePolicy: updatePolicy,
  DeletePolicy: deletePolicy,
  ListPolicies: listPolicies,
  AttachPolicy: attachPolicy,
  DetachPolicy: detachPolicy,
  ListPoliciesForTarget: listPoliciesForTarget,
  ListTargetsForPolicy: listTargetsForPolicy,
  EnablePolicyType: enablePolicyType,
  DisablePolicyType: disablePolicyType,
  EnableAWSServiceAccess: enableAwsServiceAccess,
  DisableAWSServiceAccess: disableAwsServiceAccess,
  ListAWSServiceAccessForOrganization: listAwsServiceAccessForOrganization,
  RegisterDelegatedAdministrator: registerDelegatedAdministrator,
  DeregisterDelegatedAdministrator: deregisterDelegatedAdministrator,
  ListDelegatedAdministrators: listDelegatedAdministrators,
  ListDelegatedServicesForAccount: listDelegatedServicesForAccount,
  InviteOrganizationToTransferResponsibility: inviteOrganizationToTransferResponsibility,
  DescribeResponsibilityTransfer: describeResponsibilityTransfer,
  ListInboundResponsibilityTransfers: listInboundResponsibilityTransfers,
  ListOutboundResponsibilityTransfers: listOutboundResponsibilityTransfers,
  UpdateResponsibilityTransfer: updateResponsibilityTransfer,
  TerminateResponsibilityTransfer: terminateResponsibilityTransfer,
  AssumeRole: assumeRole,
  GetCallerIdentity: getCallerIdentity,
};
