// Trusted access and delegated administrators (transfer-and-delegation.md §17, organization.md §27):
// EnableAWSServiceAccess, DisableAWSServiceAccess, ListAWSServiceAccessForOrganization,
// RegisterDelegatedAdministrator, DeregisterDelegatedAdministrator, ListDelegatedAdministrators and
// ListDelegatedServicesForAccount. A delegated administrator gets the reads of R-138 (world.ts).
import { AccountState, OrganizationFeatureSet } from '../model/enums.js';
import { invalidInput, OrganizationsError, reasonError } from '../model/errors.js';
import { ACCOUNT_ID_PATTERN } from '../model/ids.js';
import { DEFAULT_MAX_DELEGATED_ADMINISTRATORS, DELEGATABLE_SERVICES, MAX_DELEGATED_ADMINISTRATORS, POLICY_TYPE_SERVICE, TRUSTED_ACCESS_SERVICES } from '../model/service-principals.js';
import type { OrganizationRecord, OrgState } from '../model/types.js';
import { isEnabled } from './attachments.js';
import { nowSeconds, type ServiceContext } from './context.js';
import { requireMatching, type Request } from './input.js';
import { Paging } from './pages.js';
import { accountView } from './tree.js';
import { findAccount, managedOrganization, readableOrganization } from './world.js';

const SERVICE_PRINCIPAL = /^[\w+=,.@-]{1,128}$/;

function requirePrincipal(input: Request): string {
  return requireMatching(input, 'ServicePrincipal', 'SERVICE_PRINCIPAL', SERVICE_PRINCIPAL);
}

/** Trusted access needs all features (R-236: the reason is the only one that fits, a proposal). */
function requireAllFeatures(org: OrganizationRecord): void {
  if (org.FeatureSet !== OrganizationFeatureSet.ALL) throw reasonError('ConstraintViolationException', 'ORGANIZATION_NOT_IN_ALL_FEATURES_MODE');
}

const unrecognized = () => invalidInput('UNRECOGNIZED_SERVICE_PRINCIPAL');
const accessOf = (org: OrganizationRecord) => org.ServiceAccess ?? [];
const delegatesOf = (org: OrganizationRecord) => org.DelegatedAdministrators ?? [];

export function enableAwsServiceAccess(state: OrgState, input: Request, ctx: ServiceContext): object {
  const principal = requirePrincipal(input);
  const org = managedOrganization(state, ctx.caller);
  requireAllFeatures(org);
  if (!TRUSTED_ACCESS_SERVICES.has(principal)) throw unrecognized();
  // Enabling again keeps the first DateEnabled.
  if (!accessOf(org).some((a) => a.ServicePrincipal === principal)) (org.ServiceAccess ??= []).push({ ServicePrincipal: principal, DateEnabled: nowSeconds(ctx) });
  return {};
}

export function disableAwsServiceAccess(state: OrgState, input: Request, ctx: ServiceContext): object {
  const principal = requirePrincipal(input);
  const org = managedOrganization(state, ctx.caller);
  if (!TRUSTED_ACCESS_SERVICES.has(principal)) throw unrecognized();
  if (delegatesOf(org).some((d) => d.ServicePrincipal === principal)) throw reasonError('ConstraintViolationException', 'DELEGATED_ADMINISTRATOR_EXISTS_FOR_THIS_SERVICE');
  if (Object.entries(POLICY_TYPE_SERVICE).some(([type, service]) => service === principal && isEnabled(org, type))) {
    throw reasonError('ConstraintViolationException', 'POLICY_TYPE_ENABLED_FOR_THIS_SERVICE');
  }
  // Not enabled: nothing to do (R-237, a proposal).
  org.ServiceAccess = accessOf(org).filter((a) => a.ServicePrincipal !== principal);
  return {};
}

/** By the time access was given, then by principal (R-238, a proposal). */
export function listAwsServiceAccessForOrganization(state: OrgState, input: Request, ctx: ServiceContext): object {
  const paging = new Paging('ListAWSServiceAccessForOrganization', input);
  const cursor = paging.cursor(null);
  const org = readableOrganization(state, ctx.caller);
  requireAllFeatures(org);
  const sorted = [...accessOf(org)].sort((a, b) => a.DateEnabled - b.DateEnabled || (a.ServicePrincipal < b.ServicePrincipal ? -1 : 1));
  return paging.respondInOrder(sorted, (a) => a.ServicePrincipal, cursor, null, (a) => ({ ...a }));
}

function requireAccountId(input: Request): string {
  return requireMatching(input, 'AccountId', 'ACCOUNT_ID', ACCOUNT_ID_PATTERN);
}

/** R-142's checks, in its proposed order. */
export function registerDelegatedAdministrator(state: OrgState, input: Request, ctx: ServiceContext): object {
  const accountId = requireAccountId(input);
  const principal = requirePrincipal(input);
  const org = managedOrganization(state, ctx.caller);
  requireAllFeatures(org);
  if (!DELEGATABLE_SERVICES.has(principal)) throw unrecognized();
  const account = findAccount(state, accountId);
  if (!account || account.OrganizationId !== org.Id) throw new OrganizationsError('AccountNotFoundException');
  if (accountId === org.MasterAccountId) throw reasonError('ConstraintViolationException', 'CANNOT_REGISTER_MASTER_AS_DELEGATED_ADMINISTRATOR');
  if (account.State !== AccountState.ACTIVE) throw reasonError('ConstraintViolationException', 'CANNOT_REGISTER_SUSPENDED_ACCOUNT_AS_DELEGATED_ADMINISTRATOR');
  if (!accessOf(org).some((a) => a.ServicePrincipal === principal)) throw reasonError('ConstraintViolationException', 'SERVICE_ACCESS_NOT_ENABLED');
  const forService = delegatesOf(org).filter((d) => d.ServicePrincipal === principal);
  if (forService.some((d) => d.AccountId === accountId)) throw new OrganizationsError('AccountAlreadyRegisteredException');
  if (forService.length >= (MAX_DELEGATED_ADMINISTRATORS[principal] ?? DEFAULT_MAX_DELEGATED_ADMINISTRATORS)) {
    throw reasonError('ConstraintViolationException', 'MAX_DELEGATED_ADMINISTRATORS_FOR_SERVICE_LIMIT_EXCEEDED');
  }
  (org.DelegatedAdministrators ??= []).push({ AccountId: accountId, ServicePrincipal: principal, DelegationEnabledDate: nowSeconds(ctx) });
  return {};
}

export function deregisterDelegatedAdministrator(state: OrgState, input: Request, ctx: ServiceContext): object {
  const accountId = requireAccountId(input);
  const principal = requirePrincipal(input);
  const org = managedOrganization(state, ctx.caller);
  if (!DELEGATABLE_SERVICES.has(principal)) throw unrecognized();
  const account = findAccount(state, accountId);
  if (!account || account.OrganizationId !== org.Id) throw new OrganizationsError('AccountNotFoundException');
  if (!delegatesOf(org).some((d) => d.AccountId === accountId && d.ServicePrincipal === principal)) throw new OrganizationsError('AccountNotRegisteredException');
  org.DelegatedAdministrators = delegatesOf(org).filter((d) => !(d.AccountId === accountId && d.ServicePrincipal === principal));
  return {};
}

/** Each account once, with its earliest delegation, or the date for the service asked (R-144, a proposal). */
export function listDelegatedAdministrators(state: OrgState, input: Request, ctx: ServiceContext): object {
  const filter = input.ServicePrincipal === undefined || input.ServicePrincipal === null ? undefined : requirePrincipal(input);
  const paging = new Paging('ListDelegatedAdministrators', input);
  const cursor = paging.cursor(filter ?? null);
  const org = readableOrganization(state, ctx.caller);
  if (filter !== undefined && !DELEGATABLE_SERVICES.has(filter)) throw unrecognized();
  const since = new Map<string, number>();
  for (const d of delegatesOf(org)) {
    if (filter !== undefined && d.ServicePrincipal !== filter) continue;
    since.set(d.AccountId, Math.min(since.get(d.AccountId) ?? Infinity, d.DelegationEnabledDate));
  }
  const ids = [...since.keys()].sort();
  return paging.respondInOrder(ids, (id) => id, cursor, filter ?? null, (id) => ({ ...accountView(org, findAccount(state, id)!), DelegationEnabledDate: since.get(id) }));
}

export function listDelegatedServicesForAccount(state: OrgState, input: Request, ctx: ServiceContext): object {
  const accountId = requireAccountId(input);
  const paging = new Paging('ListDelegatedServicesForAccount', input);
  const cursor = paging.cursor(accountId);
  const org = readableOrganization(state, ctx.caller);
  const account = findAccount(state, accountId);
  if (!account || account.OrganizationId !== org.Id) throw new OrganizationsError('AccountNotFoundException');
  const services = delegatesOf(org).filter((d) => d.AccountId === accountId);
  if (!services.length) throw new OrganizationsError('AccountNotRegisteredException');
  return paging.respondInOrder(services, (d) => d.ServicePrincipal, cursor, accountId, (d) => ({ ServicePrincipal: d.ServicePrincipal, DelegationEnabledDate: d.DelegationEnabledDate }));
}
