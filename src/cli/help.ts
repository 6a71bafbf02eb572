// `help` and `--help`: the manual pages, as text.
import type { Operation } from '../model/operations.js';
import { operationManual, organizationsManual, topManual } from '../help/manual.js';
import { manualText } from '../help/render.js';

export const topHelp = () => manualText(topManual());
export const organizationsHelp = () => manualText(organizationsManual());
export const operationHelp = (op: Operation) => manualText(operationManual(op));
