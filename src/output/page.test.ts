// The page's HTML and its machine pictures, drawn from pictures made by hand.
import { describe, expect, it } from 'vitest';
import type { WorldPicture } from '../model/picture.js';
import { machineEdges } from '../model/transitions.js';
import { machineSvg } from './machine-svg.js';
import { explanationHtml, pageHtml, pictureHtml } from './page.js';
import type { Explanation } from '../model/explanation.js';

const NOW = 1_795_262_400;

function picture(): WorldPicture {
  const account = (id: string, name: string) => ({ id, name, email: `${name}@example.com`, state: 'ACTIVE', profiles: [name] });
  return {
    now: NOW,
    offsetMs: 2 * 86_400_000,
    organizations: [{ id: 'o-1', featureSet: 'ALL', management: 'bill (111111111111)', root: { id: 'r-1', name: 'Root', accounts: [{ ...account('111111111111', 'bill'), management: true }], units: [{ id: 'ou-1', name: '<b>Ops</b>', accounts: [account('222222222222', 'juan')], units: [] }] } }],
    standalone: [account('333333333333', 'a"nika')],
    handshakes: [
      {
        id: 'h-1',
        action: 'INVITE',
        state: 'OPEN',
        organizationId: 'o-1',
        sender: 'bill (111111111111)',
        recipient: 'anika (333333333333)',
        requested: NOW - 3600,
        deadline: { kind: 'expires', at: NOW + 86_400 },
        machine: machineEdges('INVITE' as never),
        next: [{ to: 'ACCEPTED', label: 'accept', who: 'anika (333333333333)' }],
      },
    ],
    moreHandshakes: 3,
    transfers: [],
    events: [],
    moreEvents: 0,
  };
}

describe('the page', () => {
  it('escapes every name it was given', () => {
    const html = pictureHtml(picture());
    expect(html).toContain('&lt;b&gt;Ops&lt;/b&gt;');
    expect(html).not.toContain('<b>Ops</b>');
    expect(html).toContain('a&quot;nika');
  });

  it('says the time as explain does, and how many handshakes it leaves out', () => {
    const html = pictureHtml(picture());
    expect(html).toContain('Time: expires 2026-11-22T12:00:00Z, in 1d');
    expect(html).toContain('2d ahead of real time');
    expect(html).toContain('And 3 older ended handshakes');
    expect(html).toContain('1 pending of 4');
  });

  it('loads nothing from anywhere but its own server', () => {
    const html = pageHtml(picture(), '/home/x/state.json');
    const addresses = [...html.matchAll(/(?:src|href)="([^"]*)"/g)].map((m) => m[1]);
    expect(addresses.length).toBeGreaterThan(0);
    expect(addresses.every((a) => a!.startsWith('/_orgsim/'))).toBe(true);
  });

  it('gives each explanation the commands its own profile pastes', () => {
    const x = {
      handshake: { Id: 'h-1' },
      caller: 'juan (222222222222)',
      steps: [
        { response: 'accept', allowed: true, text: 'moves it to ACCEPTED' },
        { response: 'cancel', allowed: false, text: 'only the sender can cancel' },
      ],
      history: [],
    } as unknown as Explanation;
    const html = explanationHtml([{ x, profile: 'juan' }]);
    expect(html).toContain('orgsim --profile juan organizations accept-handshake --handshake-id h-1');
    expect(html).not.toContain('cancel-handshake');
    expect(html).toContain('only the sender can cancel');
  });
});

describe('a machine drawn as SVG', () => {
  it('marks the current state once, in words, and draws every edge', () => {
    const machine = machineEdges('ENABLE_ALL_FEATURES' as never);
    const svg = machineSvg(machine, 'OPEN', 'title', 'h-1');
    expect(svg.match(/class="state current"/g)).toHaveLength(1);
    expect(svg).toContain('OPEN (now)');
    expect(svg.match(/<path class="edge/g)).toHaveLength(machine.edges.length);
    for (const state of ['REQUESTED', 'OPEN', 'ACCEPTED', 'DECLINED', 'CANCELED', 'EXPIRED']) expect(svg).toContain(`>${state}`);
  });

  it('keeps its ids its own, so that many machines fit on one page', () => {
    const a = machineSvg(machineEdges('INVITE' as never), 'OPEN', 't', 'h-1');
    const b = machineSvg(machineEdges('INVITE' as never), 'OPEN', 't', 'h-2');
    const id = (svg: string) => /<marker id="([^"]+)"/.exec(svg)![1];
    expect(id(a)).not.toBe(id(b));
    expect(a).toContain(`url(#${id(a)})`);
  });
});
