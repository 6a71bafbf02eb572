// The page's own script: it follows the world (a stream says when it changed; the picture is
// fetched again and drawn in place), keeps open explanations open and the focus where it was,
// and moves the clock when the teacher presses a button. Nothing else changes the world.
'use strict';
(() => {
  const world = document.getElementById('world');
  const live = document.getElementById('live');
  const open = new Set();
  let drawing = Promise.resolve();

  const say = (message) => {
    live.textContent = message;
  };
  const clockText = () => document.getElementById('world-clock')?.textContent ?? '';

  async function explain(id) {
    const detail = document.getElementById(`detail-${id}`);
    const button = document.getElementById(`explain-${id}`);
    if (!detail || !button) return;
    const res = await fetch(`/_orgsim/explain?id=${encodeURIComponent(id)}`, { cache: 'no-store' });
    detail.innerHTML = res.ok ? await res.text() : `<p>${res.status === 404 ? 'This handshake is gone from the world.' : 'The explanation could not be had.'}</p>`;
    detail.hidden = false;
    button.setAttribute('aria-expanded', 'true');
  }

  async function redraw(why) {
    const res = await fetch('/_orgsim/picture', { cache: 'no-store' });
    if (!res.ok) return say(`The world could not be read (${res.status}); the page shows it as it last was.`);
    const html = await res.text();
    const focused = document.activeElement && world.contains(document.activeElement) ? document.activeElement.id : '';
    world.innerHTML = html;
    for (const id of [...open]) {
      if (document.getElementById(`detail-${id}`)) await explain(id);
      else open.delete(id);
    }
    if (focused) document.getElementById(focused)?.focus();
    world.dataset.drawn = String(Number(world.dataset.drawn ?? 0) + 1);
    say(`${why} ${clockText()}`);
  }

  // One drawing at a time, in the order asked.
  const queue = (why) => {
    drawing = drawing.then(() => redraw(why)).catch(() => say('The server did not answer; the page will follow again when it does.'));
    return drawing;
  };

  world.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button[data-explain]') : null;
    if (!button) return;
    const id = button.dataset.explain;
    if (open.has(id)) {
      open.delete(id);
      document.getElementById(`detail-${id}`).hidden = true;
      button.setAttribute('aria-expanded', 'false');
    } else {
      open.add(id);
      explain(id).catch(() => say('The explanation could not be had.'));
    }
  });

  for (const button of document.querySelectorAll('button[data-advance], button[data-reset]')) {
    button.addEventListener('click', async () => {
      const body = button.dataset.advance ? { advance: button.dataset.advance } : { reset: true };
      button.disabled = true;
      try {
        const res = await fetch('/_orgsim/clock', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
        if (!res.ok) say(`The clock did not move: ${await res.text()}`);
        else await queue(button.dataset.advance ? `Clock moved on ${button.dataset.advance}.` : 'Clock back to real time.');
      } catch {
        say('The server did not answer; the clock did not move.');
      } finally {
        button.disabled = false;
      }
    });
  }

  const updates = new EventSource('/_orgsim/updates');
  updates.addEventListener('change', () => queue('The world changed.'));
  updates.addEventListener('tick', () => queue('Time passed.'));
  updates.addEventListener('open', () => say(`Following the world. ${clockText()}`));
  updates.addEventListener('error', () => say('Lost the server; trying again every second.'));
  addEventListener('pagehide', () => updates.close());
})();
