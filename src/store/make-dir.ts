// mkdir -p with a given mode. Node 20's own recursive mkdirSync never returns for a path whose
// parent exists but refuses children (such as a path under /proc), so the walk up is done here.
import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

export function makeDirectory(path: string, mode: number): void {
  try {
    mkdirSync(path, { mode });
    return;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return;
    const parent = dirname(path);
    if (code !== 'ENOENT' || parent === path) throw error;
    let parentExists = false;
    try {
      parentExists = statSync(parent).isDirectory();
    } catch {
      /* create it below */
    }
    if (parentExists) throw error;
    makeDirectory(parent, mode);
  }
  mkdirSync(path, { mode });
}
