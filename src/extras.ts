// What only some commands need (orgsim's own commands, manuals, completion), bundled apart from
// the entry so that the AWS operations do not pay for loading it.
export { runOwnCommand } from './cli/commands/index.js';
export { operationHelp, organizationsHelp, topHelp } from './cli/help.js';
export { completions } from './cli/complete.js';
export { manPages } from './help/man-pages.js';
