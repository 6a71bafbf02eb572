import { VERSION } from '../../model/version.js';
import { allManuals } from './manual.js';
import { manualRoff } from './render.js';

export function manPages(): { file: string; roff: string }[] {
  return allManuals().map((m) => ({ file: `${m.page}.1`, roff: manualRoff(m, VERSION) }));
}
