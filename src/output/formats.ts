// The text, table and YAML formatters, loaded only when one of those formats is asked for.
export { formatTable } from './table.js';
export { formatText } from './text.js';
export { formatYaml } from './yaml.js';
