// file:// and fileb:// values, read relative to the working directory and used verbatim.
import { readBounded } from '../store/read-file.js';
import { resolve } from 'node:path';
import { paramError } from '../errors/classes.js';
import { Bytes } from '../output/python-repr.js';

const ERRNO: Record<string, [number, string]> = {
  ENOENT: [2, 'No such file or directory'],
  EISDIR: [21, 'Is a directory'],
  EACCES: [13, 'Permission denied'],
  EPERM: [1, 'Operation not permitted'],
  ENXIO: [6, 'No such device or address'],
  ENODEV: [19, 'No such device'],
  ENOTDIR: [20, 'Not a directory'],
  ELOOP: [40, 'Too many levels of symbolic links'],
  ENAMETOOLONG: [36, 'File name too long'],
  EFBIG: [27, 'File too large'],
  ETIMEDOUT: [110, 'Connection timed out'],
};

/** More than any request can carry (a document of the service is at most a few megabytes). */
const MAX_PARAM_FILE_BYTES = 64 * 1024 * 1024;

function loadError(parameter: string, uri: string, path: string, error: NodeJS.ErrnoException): Error {
  const [errno, text] = ERRNO[error.code ?? ''] ?? [5, error.message];
  return paramError(parameter, `Unable to load paramfile ${uri}: [Errno ${errno}] ${text}: '${path}'`);
}

/** Replaces a file:// or fileb:// value by the file's contents; other values pass unchanged. */
export function resolveParamFile(parameter: string, value: string, cwd: string): string | Bytes {
  const binary = value.startsWith('fileb://');
  if (!binary && !value.startsWith('file://')) return value;
  const path = value.slice(binary ? 8 : 7);
  try {
    const data = readBounded(resolve(cwd, path), { maxBytes: MAX_PARAM_FILE_BYTES });
    if (binary) return new Bytes(new Uint8Array(data));
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch (error) {
    if (error instanceof TypeError) {
      throw paramError(parameter, `Unable to load paramfile ${value}: 'utf-8' codec can't decode the file`);
    }
    throw loadError(parameter, value, path, error as NodeJS.ErrnoException);
  }
}
