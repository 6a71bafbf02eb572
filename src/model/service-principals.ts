// The AWS services an organization can give trusted access to, and those that take a delegated
// administrator (transfer-and-delegation.md R-147). AWS's own table changes over time and is not
// published as data: these are proposals, kept in one place so that they are cheap to change.

const DELEGATABLE = [
  'access-analyzer', 'account', 'auditmanager', 'backup', 'cloudtrail', 'compute-optimizer', 'config', 'config-multiaccountsetup',
  'detective', 'devops-guru', 'fms', 'guardduty', 'health', 'iam', 'inspector2', 'ipam', 'license-manager', 'macie',
  'member.org.stacksets.cloudformation', 'reachabilityanalyzer.networkinsights', 'securityhub', 'securitylake', 'servicecatalog',
  'ssm', 'sso', 'storage-lens.s3',
].map((s) => `${s}.amazonaws.com`);

const TRUSTED_ONLY = [
  'aws-artifact-account-sync', 'cost-optimization-hub', 'ds', 'ram', 'resource-explorer-2', 'servicequotas', 'tagpolicies.tag',
  'controltower', 'ssm-incidents', 'wellarchitected', 'networkmanager', 'bedrock', 'aiops', 'mgn', 'reporting.trustedadvisor',
].map((s) => `${s}.amazonaws.com`);

export const DELEGATABLE_SERVICES: ReadonlySet<string> = new Set(DELEGATABLE);
export const TRUSTED_ACCESS_SERVICES: ReadonlySet<string> = new Set([...DELEGATABLE, ...TRUSTED_ONLY]);

/** How many delegated administrators a service takes (R-142: the maxima are not published; proposal 1 unless known). */
export const MAX_DELEGATED_ADMINISTRATORS: Readonly<Record<string, number>> = {};
export const DEFAULT_MAX_DELEGATED_ADMINISTRATORS = 1;

/** Policy types whose service must have trusted access first (organization.md R-215, a proposal). */
export const POLICY_TYPE_SERVICE: Readonly<Record<string, string>> = {
  SECURITYHUB_POLICY: 'securityhub.amazonaws.com',
  INSPECTOR_POLICY: 'inspector2.amazonaws.com',
};
