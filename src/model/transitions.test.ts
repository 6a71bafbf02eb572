// explain draws each machine from the transition table: what the table allows is drawn, and nothing else.
import { describe, expect, it } from 'vitest';
import { ActionType } from './enums.js';
import { machineEdges, MACHINES, TARGET_STATE, TRANSITIONS } from './transitions.js';

describe('the machines explain draws', () => {
  it.each(Object.keys(MACHINES))('%s: every response edge is a move the transition table allows', (action) => {
    const { edges } = machineEdges(action as ActionType);
    for (const edge of edges.filter((e) => /^(accept|decline|cancel) /.test(e.label))) {
      const response = edge.label.split(' ')[0] as keyof typeof TARGET_STATE;
      expect(TRANSITIONS[edge.from][response]).toBe('ok');
      expect(edge.to).toBe(TARGET_STATE[response]);
    }
  });

  it('an invitation: the recipient accepts or declines, the sender cancels, 15 days end it', () => {
    expect(machineEdges('INVITE').edges.map((e) => `${e.from}>${e.to}:${e.label}`)).toEqual([
      'OPEN>ACCEPTED:accept (recipient)',
      'OPEN>DECLINED:decline (recipient)',
      'OPEN>CANCELED:cancel (sender)',
      'OPEN>EXPIRED:15 days pass',
    ]);
  });

  it('the all-features parent: accepted only once OPEN', () => {
    const edges = machineEdges('ENABLE_ALL_FEATURES').edges;
    expect(edges.filter((e) => e.to === 'ACCEPTED').map((e) => e.from)).toEqual(['OPEN']);
    expect(edges[0]).toEqual({ from: 'REQUESTED', to: 'OPEN', label: 'every member approved' });
  });

  it('the all-features parent: its management account may decline it, as the service lets it, so DECLINED is drawn', () => {
    const declines = machineEdges('ENABLE_ALL_FEATURES').edges.filter((e) => e.to === 'DECLINED');
    expect(declines.map((e) => `${e.from}:${e.label}`)).toEqual(['REQUESTED:decline (management account)', 'OPEN:decline (management account)']);
  });
});
