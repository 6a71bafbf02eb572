// `help` and `--help`: the manual pages, as text.
import type { Operation, ServiceName } from '../../model/operations.js';
import type { OwnCommand } from '../commands/command.js';
import { commandManual, operationManual, organizationsManual, topManual } from './manual.js';
import { manualText } from './render.js';

export const topHelp = () => manualText(topManual());
export const organizationsHelp = (service: ServiceName = 'organizations') => manualText(organizationsManual(service));
export const operationHelp = (op: Operation) => manualText(operationManual(op));
export const commandHelp = (command: OwnCommand, path: string[] = []) => manualText(commandManual(command, path));
