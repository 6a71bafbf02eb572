// `orgsim explain` for a learner: the state machine with the current state marked, the history,
// the clock, and what the current profile may do next. Also as a Mermaid state diagram.
import type { Explanation, TransferExplanation } from '../model/explanation.js';

export interface Paint {
  current(text: string): string;
  dim(text: string): string;
  good(text: string): string;
  bad(text: string): string;
}

export const plain: Paint = { current: (t) => t, dim: (t) => t, good: (t) => t, bad: (t) => t };

const visible = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '').length;

/**
 * Lines longer than `width` broken at spaces: a suggested command with a shell continuation, so
 * that it still pastes; anything else with a hanging indent. A word longer than the width stays whole.
 */
export function fitLines(text: string, width: number | undefined): string {
  if (width === undefined) return text;
  return text
    .split('\n')
    .flatMap((line) => {
      if (visible(line) <= width) return [line];
      const indent = /^\s*/.exec(line)![0];
      const command = /^\s*(\x1b\[[0-9;]*m)*orgsim /.test(line);
      const more = indent + (command ? '    ' : '  ');
      const out: string[] = [];
      let current = '';
      for (const word of line.slice(indent.length).split(' ')) {
        const lead = out.length ? more : indent;
        const tail = command ? ' \\' : '';
        if (current && visible(lead + current + ' ' + word + tail) > width) {
          out.push(lead + current + tail);
          current = word;
        } else current = current ? `${current} ${word}` : word;
      }
      out.push((out.length ? more : indent) + current);
      return out;
    })
    .join('\n');
}

/** A span of time as a learner reads it: `15d 2h`, `3h 5m`, `0m`. */
export function span(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  return [d && `${d}d`, h && `${h}h`, (m || (!d && !h)) && `${m}m`].filter(Boolean).join(' ');
}

export const iso = (seconds: number) => new Date(Math.round(seconds * 1000)).toISOString().replace(/\.000Z$/, 'Z');

/**
 * How a suggested command starts: with the profile the explanation was made for, so that a
 * student who pastes it acts as the same account (absent: the credentials came from elsewhere).
 */
export const commandPrefix = (profile: string | undefined) => (profile === undefined ? 'orgsim' : `orgsim --profile ${profile}`);

/** What a handshake's clock counts to: its expiry while pending, then its deletion. */
export function timeText(x: Pick<Explanation, 'deadline' | 'now' | 'fromEventLog'>): string {
  const left = x.deadline.at - x.now;
  if (x.deadline.kind === 'expires') return `expires ${iso(x.deadline.at)}, in ${span(left)}`;
  if (x.fromEventLog) return `ended; deleted ${iso(x.deadline.at)} (this picture is the event log's)`;
  return left > 0 ? `ended; deleted ${iso(x.deadline.at)}, in ${span(left)}` : 'ended; due for deletion';
}

/** The command that gives a response, as the profile would paste it. */
export const stepCommand = (response: string, handshakeId: string, profile: string | undefined) =>
  `${commandPrefix(profile)} organizations ${response}-handshake --handshake-id ${handshakeId}`;

export function explainText(x: Explanation, paint: Paint, profile?: string, fitTo?: number): string {
  const h = x.handshake;
  const out: string[] = [];
  out.push(`Handshake ${h.Id} — ${h.Action}, now ${paint.current(h.State)}`);
  out.push(`  from ${x.sender} to ${x.recipient}`);
  out.push('');
  const { start, edges } = x.machine;
  const mark = (state: string) => (state === h.State ? paint.current(`[${state}]`) : ` ${state} `);
  out.push('State machine:');
  out.push(`  sent ──► ${mark(start)}`);
  const width = Math.max(...edges.map((e) => e.from.length + e.label.length));
  for (const e of edges) {
    const arrow = `──${e.label}──`.padEnd(width + 6, '─');
    out.push(`  ${' '.repeat(Math.max(0, 9))}${e.from === start ? '' : mark(e.from) + ' '}${arrow}► ${mark(e.to)}`);
  }
  out.push(paint.dim('  ended handshakes are deleted 30 days after they end'));
  out.push('');
  out.push('History:');
  if (!x.history.length) out.push('  (nothing recorded)');
  for (const line of x.history) out.push(`  ${line.time}  ${line.actor}: ${line.what}`);
  out.push('');
  out.push(`Time: ${timeText(x)}`);
  out.push('');
  out.push(`What ${x.caller} may do:`);
  for (const step of x.steps) {
    const command = stepCommand(step.response, h.Id, profile);
    out.push(step.allowed ? `  ${paint.good('✓')} ${step.response}: ${step.text}` : `  ${paint.bad('✗')} ${step.response}: ${step.text}`);
    if (step.allowed) out.push(paint.dim(`      ${command}`));
  }
  const may = x.steps.filter((s) => s.allowed).map((s) => s.response);
  const denied = x.steps.filter((s) => !s.allowed);
  const name = x.caller.replace(/ \(.*$/, '');
  const first = denied[0];
  if (first) {
    out.push('');
    out.push(`As ${name} you cannot ${first.response}: ${first.text}${may.length ? `; you may ${may.join(' or ')}` : ''}.`);
  }
  if (x.transfer) out.push('', ...transferLines(x.transfer, paint, profile));
  return fitLines(out.join('\n'), fitTo) + '\n';
}

const CLOCK: Record<TransferExplanation['clock']['kind'], (at: string, left: string) => string> = {
  'accept-by': (at, left) => `must be accepted by ${at}, in ${left}; after that it expires`,
  starts: (at, left) => `agreed; the payer takes the bill over ${at}, in ${left}`,
  'in-force': (at) => `in force since ${at}`,
  ends: (at, left) => `withdrawn; the payer still pays until ${at}, in ${left}`,
  ended: (at) => `withdrawn; ended ${at}`,
  deleted: (at, left) => `ended; deleted with its invitation ${at}, in ${left}`,
};

function transferLines(x: TransferExplanation, paint: Paint, profile: string | undefined): string[] {
  const t = x.transfer;
  const out: string[] = [];
  out.push(`Transfer ${t.Id} — ${t.Type} "${t.Name ?? ''}", now ${paint.current(t.Status ?? '')}`);
  out.push(`  ${x.payer} takes over the bill of ${x.source}`);
  out.push('');
  const mark = (state: string) => (state === t.Status ? paint.current(`[${state}]`) : ` ${state} `);
  out.push('Transfer state machine:');
  const { start, edges } = x.machine;
  out.push(`  invited ──► ${mark(start)}`);
  // Every arrow ends in one column, whichever state it leaves.
  const lead = (from: string) => (from === start ? '' : mark(from) + ' ');
  const reach = Math.max(...edges.map((e) => visible(lead(e.from)) + e.label.length + 4));
  for (const e of edges) out.push(`    ${lead(e.from)}${`──${e.label}──`.padEnd(reach - visible(lead(e.from)), '─')}► ${mark(e.to)}`);
  out.push('');
  out.push(`Time: ${CLOCK[x.clock.kind](iso(x.clock.at), span(x.clock.at - x.now))}`);
  out.push('');
  out.push(`What ${x.caller} may do to the transfer:`);
  for (const step of x.steps) {
    out.push(step.allowed ? `  ${paint.good('✓')} ${step.action}: ${step.text}` : `  ${paint.bad('✗')} ${step.action}: ${step.text}`);
    if (step.allowed) out.push(paint.dim(`      ${commandPrefix(profile)} ${step.command}`));
  }
  return out;
}

export function explainTransferText(x: TransferExplanation, paint: Paint, profile?: string, fitTo?: number): string {
  return fitLines(transferLines(x, paint, profile).join('\n'), fitTo) + '\n';
}

export function explainTransferMermaid(x: TransferExplanation): string {
  const lines = ['stateDiagram-v2', `    [*] --> ${x.machine.start}: invited`];
  for (const e of x.machine.edges) lines.push(`    ${e.from} --> ${e.to}: ${e.label}`);
  lines.push('    classDef current fill:#f9d71c,stroke:#333,stroke-width:3px');
  lines.push(`    class ${x.transfer.Status ?? x.machine.start} current`);
  return lines.join('\n') + '\n';
}

export function explainMermaid(x: Explanation): string {
  const { start, edges } = x.machine;
  const lines = ['stateDiagram-v2', `    [*] --> ${start}: sent`];
  for (const e of edges) lines.push(`    ${e.from} --> ${e.to}: ${e.label}`);
  for (const end of new Set(edges.map((e) => e.to).filter((s) => s !== 'OPEN'))) lines.push(`    ${end} --> [*]: deleted after 30 days`);
  lines.push('    classDef current fill:#f9d71c,stroke:#333,stroke-width:3px');
  // Only a state the diagram has can be styled.
  if (start === x.handshake.State || edges.some((e) => e.from === x.handshake.State || e.to === x.handshake.State)) lines.push(`    class ${x.handshake.State} current`);
  return lines.join('\n') + '\n';
}
