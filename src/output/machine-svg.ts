// A state machine as an SVG picture: the start on the left, states that lead on in the middle,
// the ends in the right-hand column; the current state filled and marked "now" in words too, so
// that colour is never the only sign. The same edges explain draws as text.
import { esc } from './html.js';

interface MachineEdge {
  from: string;
  to: string;
  label: string;
}

const BOX = { width: 150, height: 34 };
const GAP = { column: 90, row: 16 };
const PAD = 8;

/** A label without its "(who)": the picture names the move, the list beside it names who makes it. */
const shortLabel = (label: string) => label.replace(/ \(.*\)$/, '');

/** `key` makes the picture's ids its own: a page draws many machines. */
export function machineSvg(machine: { start: string; edges: readonly MachineEdge[] }, current: string, title: string, key: string): string {
  const arrow = `arrow-${key.replace(/[^A-Za-z0-9_-]/g, '')}`;
  const states = [machine.start, ...machine.edges.flatMap((e) => [e.from, e.to])].filter((s, i, all) => all.indexOf(s) === i);
  const leads = new Set(machine.edges.map((e) => e.from));
  const middle = states.filter((s) => s !== machine.start && leads.has(s));
  // Ends a middle state leads to come first, level with it, so that its arrows run straight.
  const fromMiddle = (s: string) => machine.edges.some((e) => e.to === s && middle.includes(e.from));
  const ends = states.filter((s) => !leads.has(s) && s !== machine.start).sort((a, b) => Number(fromMiddle(b)) - Number(fromMiddle(a)));
  const columns = [[machine.start], ...(middle.length ? [middle] : []), ends];
  const rows = Math.max(...columns.map((c) => c.length), 1);
  const rowY = (row: number) => PAD + row * (BOX.height + GAP.row);
  const place = new Map<string, { x: number; y: number }>();
  columns.forEach((column, c) => {
    const x = PAD + c * (BOX.width + GAP.column);
    column.forEach((state, r) => {
      // The start sits level with the middle of the ends; a middle state with the first end, so
      // that arrows from the start to the other ends pass below it.
      const row = c === 0 ? (rows - 1) / 2 : r;
      place.set(state, { x, y: rowY(row) });
    });
  });
  const width = PAD * 2 + columns.length * BOX.width + (columns.length - 1) * GAP.column;
  const height = PAD * 2 + rows * BOX.height + (rows - 1) * GAP.row;
  const out: string[] = [];
  out.push(`<svg class="machine" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(title)}" xmlns="http://www.w3.org/2000/svg">`);
  out.push(`<title>${esc(title)}</title>`);
  out.push(`<defs><marker id="${arrow}" viewBox="0 0 10 10" refX="10" refY="5" markerUnits="userSpaceOnUse" markerWidth="9" markerHeight="9" orient="auto"><path d="M0,0 L10,5 L0,10 z" class="arrowhead"/></marker></defs>`);
  for (const e of machine.edges) {
    const a = place.get(e.from)!;
    const b = place.get(e.to)!;
    const x1 = a.x + BOX.width;
    const y1 = a.y + BOX.height / 2;
    const x2 = b.x;
    const y2 = b.y + BOX.height / 2;
    // Arrows into the column beside; an arrow to a state in the same column bends out to the right.
    const path = x2 > x1 ? `M${x1},${y1} C${x1 + GAP.column / 2},${y1} ${x2 - GAP.column / 2},${y2} ${x2},${y2}` : `M${x1},${y1} C${x1 + 40},${y1} ${b.x + BOX.width + 40},${y2} ${b.x + BOX.width},${y2}`;
    const live = e.from === current ? ' live' : '';
    out.push(`<path class="edge${live}" d="${path}" marker-end="url(#${arrow})"/>`);
    const lx = x2 > x1 ? x2 - 4 : b.x + BOX.width + 44;
    out.push(`<text class="edge-label${live}" x="${lx}" y="${y2 - 5}" text-anchor="end">${esc(shortLabel(e.label))}</text>`);
  }
  for (const [state, at] of place) {
    const now = state === current;
    out.push(`<g class="state${now ? ' current' : ''}"><rect x="${at.x}" y="${at.y}" width="${BOX.width}" height="${BOX.height}" rx="8"/>`);
    out.push(`<text x="${at.x + BOX.width / 2}" y="${at.y + BOX.height / 2 + 5}" text-anchor="middle">${esc(state)}${now ? ' (now)' : ''}</text></g>`);
  }
  out.push('</svg>');
  return out.join('');
}
