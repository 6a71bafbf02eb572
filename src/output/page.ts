// The page of `orgsim serve` and `orgsim view`: the world drawn as HTML from its picture
// (service/picture.ts). Times, steps and events are worded by the same renderers as `explain`
// and `events` in a terminal, so the page and the terminal tell one story.
import type { Explanation } from '../model/explanation.js';
import type { AccountPicture, HandshakePicture, UnitPicture, WorldPicture } from '../model/picture.js';
import { eventRows } from './events.js';
import { iso, span, stepCommand, timeText } from './explain.js';
import { esc } from './html.js';
import { machineSvg } from './machine-svg.js';

/** The moves the page offers the teacher: the same durations `orgsim clock advance` reads. */
export const CLOCK_STEPS = ['1h', '1d', '7d', '16d'] as const;

const STEP_NAMES: Record<(typeof CLOCK_STEPS)[number], string> = { '1h': '1 hour', '1d': '1 day', '7d': '7 days', '16d': '16 days' };

function offsetText(ms: number): string {
  if (ms === 0) return 'in step with real time';
  return `${span(Math.abs(ms) / 1000)} ${ms > 0 ? 'ahead of' : 'behind'} real time`;
}

function accountItem(a: AccountPicture): string {
  const profiles = a.profiles.length ? ` <span class="profiles">--profile ${a.profiles.map(esc).join(', ')}</span>` : '';
  const role = a.management ? ' <span class="badge">management</span>' : '';
  const state = a.state === 'ACTIVE' ? '' : ` <span class="badge">${esc(a.state)}</span>`;
  return `<li class="account"><span class="name">${esc(a.name)}</span> <code>${esc(a.id)}</code>${role}${state}${profiles}<br><span class="email">${esc(a.email)}</span></li>`;
}

function unitItem(u: UnitPicture, root: boolean): string {
  const kind = root ? 'root' : 'OU';
  const inside = [...u.units.map((c) => unitItem(c, false)), ...u.accounts.map(accountItem)];
  const list = inside.length ? `<ul>${inside.join('')}</ul>` : '<p class="empty">empty</p>';
  return `<li class="unit"><span class="kind">${kind}</span> <span class="name">${esc(u.name)}</span> <code>${esc(u.id)}</code>${list}</li>`;
}

function organizationsHtml(p: WorldPicture): string {
  const orgs = p.organizations.map(
    (o) =>
      `<article class="org" aria-labelledby="org-${esc(o.id)}"><h3 id="org-${esc(o.id)}">Organization <code>${esc(o.id)}</code></h3>` +
      `<p>Features: <strong>${esc(o.featureSet)}</strong>. Management account: ${esc(o.management)}.</p>` +
      `<ul class="tree">${unitItem(o.root, true)}</ul></article>`,
  );
  const standalone = p.standalone.length
    ? `<article class="org" aria-labelledby="standalone"><h3 id="standalone">Standalone accounts</h3><ul class="tree">${p.standalone.map(accountItem).join('')}</ul></article>`
    : '';
  const none = p.organizations.length || p.standalone.length ? '' : '<p class="empty">No organizations and no accounts.</p>';
  return `<section aria-labelledby="h-orgs"><h2 id="h-orgs">Organizations</h2><div class="orgs">${orgs.join('')}${standalone}${none}</div></section>`;
}

function nextHtml(h: HandshakePicture): string {
  if (!h.next.length) return '<p>Ended: nobody can move it any more.</p>';
  const items = h.next.map((n) => `<li><strong>${esc(n.label)}</strong> → ${esc(n.to)}${n.who ? `, by ${esc(n.who)}` : ' (nobody acts: it happens by itself)'}</li>`);
  return `<p>What can happen next:</p><ul class="next">${items.join('')}</ul>`;
}

function handshakeCard(h: HandshakePicture, now: number): string {
  const id = esc(h.id);
  return (
    `<article class="handshake" data-state="${esc(h.state)}" aria-labelledby="hs-${id}">` +
    `<h3 id="hs-${id}"><code>${id}</code> <span class="action">${esc(h.action)}</span> <span class="state-badge" data-state="${esc(h.state)}">${esc(h.state)}</span></h3>` +
    `<p>From ${esc(h.sender)} to ${esc(h.recipient)}, sent ${esc(iso(h.requested))}.</p>` +
    `<p class="time">Time: ${esc(timeText({ deadline: h.deadline, now }))}</p>` +
    nextHtml(h) +
    `<figure>${machineSvg(h.machine, h.state, `State machine of ${h.action} handshake ${h.id}; it is now ${h.state}`, h.id)}</figure>` +
    `<button type="button" class="explain" id="explain-${id}" data-explain="${id}" aria-expanded="false" aria-controls="detail-${id}">Explain: who may do what</button>` +
    `<div class="detail" id="detail-${id}" hidden></div>` +
    `</article>`
  );
}

function handshakesHtml(p: WorldPicture): string {
  const pending = p.handshakes.filter((h) => h.next.length).length;
  const cards = p.handshakes.map((h) => handshakeCard(h, p.now));
  const more = p.moreHandshakes ? `<p>And ${p.moreHandshakes} older ended handshakes (<code>orgsim organizations list-handshakes-for-organization</code> lists them).</p>` : '';
  const none = p.handshakes.length ? '' : '<p class="empty">No handshakes yet.</p>';
  return `<section aria-labelledby="h-handshakes"><h2 id="h-handshakes">Handshakes <span class="count">${pending} pending of ${p.handshakes.length + p.moreHandshakes}</span></h2><div class="cards">${cards.join('')}</div>${none}${more}</section>`;
}

function transfersHtml(p: WorldPicture): string {
  if (!p.transfers.length) return '';
  const rows = p.transfers.map((t) => `<tr><td><code>${esc(t.id)}</code></td><td>${esc(t.name)}</td><td><span class="state-badge" data-state="${esc(t.status)}">${esc(t.status)}</span></td><td>${esc(t.payer)}</td><td>${esc(t.source)}</td><td><code>${esc(t.handshakeId)}</code></td></tr>`);
  return (
    `<section aria-labelledby="h-transfers"><h2 id="h-transfers">Billing transfers</h2><div class="scroll" tabindex="0" role="region" aria-label="Billing transfers table"><table>` +
    `<thead><tr><th scope="col">Id</th><th scope="col">Name</th><th scope="col">Status</th><th scope="col">Payer</th><th scope="col">Bill source</th><th scope="col">Handshake</th></tr></thead>` +
    `<tbody>${rows.join('')}</tbody></table></div></section>`
  );
}

function eventsHtml(p: WorldPicture): string {
  const rows = eventRows(p.events).map((e) => `<tr><td>${esc(e.Time)}</td><td>${esc(e.Event)}</td><td>${esc(e.Caller)}</td><td>${esc(e.Details)}</td></tr>`);
  const more = p.moreEvents ? `<p>And ${p.moreEvents} older events (<code>orgsim events</code> prints them all).</p>` : '';
  const body = rows.length
    ? `<div class="scroll" tabindex="0" role="region" aria-label="Event timeline table"><table><thead><tr><th scope="col">Time</th><th scope="col">Event</th><th scope="col">Caller</th><th scope="col">Details</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`
    : '<p class="empty">Nothing has happened yet.</p>';
  return `<section aria-labelledby="h-events"><h2 id="h-events">Event timeline <span class="count">newest first</span></h2>${body}${more}</section>`;
}

/** The part of the page that follows the world: drawn again after every change. */
export function pictureHtml(p: WorldPicture): string {
  const clock = `<p class="clock" id="world-clock">World time <time datetime="${esc(iso(p.now))}">${esc(iso(p.now))}</time> <span>(${esc(offsetText(p.offsetMs))})</span></p>`;
  return clock + organizationsHtml(p) + handshakesHtml(p) + transfersHtml(p) + eventsHtml(p);
}

/** Explanations of one handshake, one per party: what each may do, tried by the real rules. */
export function explanationHtml(parts: readonly { x: Explanation; profile: string | undefined }[]): string {
  const out: string[] = [];
  for (const { x, profile } of parts) {
    out.push(`<h4>As ${esc(x.caller)}</h4><ul class="steps">`);
    for (const step of x.steps) {
      const mark = step.allowed ? '<span class="yes" aria-label="may">✓</span>' : '<span class="no" aria-label="may not">✗</span>';
      const command = step.allowed ? `<br><code class="command">${esc(stepCommand(step.response, x.handshake.Id, profile))}</code>` : '';
      out.push(`<li>${mark} <strong>${esc(step.response)}</strong>: ${esc(step.text)}${command}</li>`);
    }
    out.push('</ul>');
  }
  const first = parts[0]?.x;
  if (first) {
    out.push('<h4>History</h4>');
    out.push(first.history.length ? `<ol class="history">${first.history.map((l) => `<li><time>${esc(l.time)}</time> ${esc(l.actor)}: ${esc(l.what)}</li>`).join('')}</ol>` : '<p>Nothing recorded.</p>');
  }
  return out.join('');
}

/** The page's icon: two boxes and the arrow of a handshake. */
export const ICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect x="1" y="9" width="11" height="14" rx="2" fill="#0b57d0"/><rect x="20" y="9" width="11" height="14" rx="2" fill="#ffd84d" stroke="#1a1a1a"/><path d="M12 16h6" stroke="#1a1a1a" stroke-width="2"/><path d="M16 12l4 4-4 4" fill="none" stroke="#1a1a1a" stroke-width="2"/></svg>\n';

/** The whole page: its shell, and the picture of the world as it is now. */
export function pageHtml(p: WorldPicture, world: string): string {
  const steps = CLOCK_STEPS.map((s) => `<button type="button" data-advance="${s}">+ ${STEP_NAMES[s]}</button>`).join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>orgsim — the world</title>
<link rel="icon" href="/_orgsim/icon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/_orgsim/view.css">
<script src="/_orgsim/view.js" defer></script>
</head>
<body>
<header>
<h1>orgsim <span class="sub">the world in ${esc(world)}</span></h1>
<div class="controls" role="group" aria-label="World clock">
<span class="label">Step the world clock:</span> ${steps} <button type="button" data-reset>Back to real time</button>
</div>
<p id="live" role="status" aria-live="polite">Follows every change as it happens.</p>
</header>
<main id="world">
${pictureHtml(p)}
</main>
</body>
</html>
`;
}
