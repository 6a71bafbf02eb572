// The people's view of the world's event log: one line of summary per event.
import type { WorldEvent } from '../model/types.js';

export function eventSummary(event: WorldEvent): string {
  const details = event.serviceEventDetails;
  if (details?.handshakeId) return `${String(details.handshakeId)} ${String(details.state)}: ${String(details.reason)}`;
  if (details) return `${String(details.accountId)} ${String(details.joinedMethod ?? details.departedMethod)} (${String(details.organizationId)})`;
  const request = event.requestParameters ?? {};
  const handshake = (event.responseElements?.handshake as { id?: string; state?: string } | undefined) ?? {};
  const transfer = (event.responseElements?.responsibilityTransfer as { id?: string; status?: string } | undefined) ?? {};
  const fault = event.orgsimFault ? `(injected: ${event.orgsimFault})` : undefined;
  return [request.handshakeId ?? handshake.id, handshake.state, request.id ?? transfer.id, transfer.status, request.accountId, event.errorCode, fault].filter(Boolean).join(' ');
}

export function eventRows(events: readonly WorldEvent[]): { Time: string; Event: string; Caller: string; Details: string }[] {
  return events.map((e) => ({ Time: e.eventTime, Event: e.eventName, Caller: e.userIdentity?.accountId ?? 'AWS', Details: eventSummary(e) }));
}
