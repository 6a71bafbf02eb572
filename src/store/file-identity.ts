// Which version of a file is there: its inode, size and change time. A write (a rename into place)
// always changes it, so a watcher compares identities instead of reading the world again.
import { statSync } from 'node:fs';

export function fileIdentity(file: string): string {
  try {
    const s = statSync(file, { bigint: true });
    return `${s.ino}:${s.size}:${s.mtimeNs}`;
  } catch {
    return 'none';
  }
}
