#!/usr/bin/env node
// Writes src/model/generated/ from botocore's definitions of the Organizations and STS APIs
// (the copies in scripts/botocore/, taken from the installed botocore by --refresh):
//   <service>-operations.ts every operation by name; those orgsim serves (src/model/served.json)
//                         with their input, output, errors and paginator
//   <service>-shapes.ts   the shapes the served operations take and give: type,
//                         enum, limits, pattern, members, required. Only those: every command
//                         loads them, and start-up is a feature
//   enums.ts              the Organizations enumerations those shapes use, as constant objects
//   organizations-types.ts those shapes' structures as TypeScript types
//   errors.ts             every exception: code, HTTP status, whether it carries a Reason
//   docs.ts               the first sentence of each member's documentation, as the AWS CLI
//                         prints it in a yaml-input skeleton (bundled apart: only help and
//                         skeletons read it)
// Usage: node scripts/generate-model.mjs [--check] [--refresh]
//   --check    write nothing; exit 1 when the committed files differ from what would be written
//   --refresh  copy the installed botocore's definitions into scripts/botocore/ first
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));
const source = join(root, 'scripts', 'botocore');
const target = join(root, 'src', 'model', 'generated');
const SERVICES = { organizations: '2016-11-28', sts: '2011-06-15' };

function refresh() {
  const data = execFileSync('python3', ['-c', 'import botocore, os; print(os.path.join(os.path.dirname(botocore.__file__), "data"))'], { encoding: 'utf8' }).trim();
  for (const [service, version] of Object.entries(SERVICES)) {
    mkdirSync(join(source, service), { recursive: true });
    for (const file of ['service-2.json.gz', 'paginators-1.json']) copyFileSync(join(data, service, version, file), join(source, service, file));
  }
  const version = execFileSync('python3', ['-c', 'import botocore; print(botocore.__version__)'], { encoding: 'utf8' });
  writeFileSync(join(source, 'VERSION'), version);
}

const load = (service) => ({
  api: JSON.parse(gunzipSync(readFileSync(join(source, service, 'service-2.json.gz'))).toString('utf8')),
  pages: JSON.parse(readFileSync(join(source, service, 'paginators-1.json'), 'utf8')).pagination,
});

// --- Documentation, reduced as the AWS CLI reduces it for a skeleton comment -------------------

const ENTITIES = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** The text of an XML fragment; undefined when it is not well formed (the CLI then keeps the raw text). */
function xmlText(doc) {
  const stack = [];
  let text = '';
  const re = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<!--[\s\S]*?-->|&(#x[0-9a-fA-F]+|#\d+|\w+);|[<&]/g;
  let last = 0;
  for (let m = re.exec(doc); m; m = re.exec(doc)) {
    text += doc.slice(last, m.index);
    last = re.lastIndex;
    if (m[0] === '<' || m[0] === '&') return undefined;
    if (m[0].startsWith('<!--')) continue;
    if (m[5] !== undefined) {
      const e = m[5];
      if (e.startsWith('#x')) text += String.fromCodePoint(parseInt(e.slice(2), 16));
      else if (e.startsWith('#')) text += String.fromCodePoint(Number(e.slice(1)));
      else if (e in ENTITIES) text += ENTITIES[e];
      else return undefined;
      continue;
    }
    if (m[1]) {
      if (stack.pop() !== m[2]) return undefined;
    } else if (!m[4]) stack.push(m[2]);
  }
  text += doc.slice(last);
  return stack.length ? undefined : text;
}

/** awscli.customizations.utils.get_shape_doc_overview: strip the markup, keep the first sentence, one line. */
function overview(doc = '') {
  let content = xmlText(doc) ?? doc;
  content = content.split(/[.:]+/)[0];
  if (content) content += '.';
  return content.replace(/[\n\r]/g, ' ');
}

// --- What the served operations reach ------------------------------------------------------------

const served = JSON.parse(readFileSync(join(root, 'src', 'model', 'served.json'), 'utf8'));

function reachable(api, names) {
  const seen = new Set(['Empty']);
  const visit = (name) => {
    if (!name || seen.has(name)) return;
    seen.add(name);
    const shape = api.shapes[name];
    for (const ref of Object.values(shape.members ?? {})) visit(ref.shape);
    if (shape.member) visit(shape.member.shape);
    if (shape.key) visit(shape.key.shape);
    if (shape.value) visit(shape.value.shape);
  };
  for (const name of names) {
    const op = api.operations[name];
    if (!op) throw new Error(`src/model/served.json names ${name}, which the service does not have`);
    visit(op.input?.shape);
    visit(op.output?.shape);
  }
  return seen;
}

// --- Writers -------------------------------------------------------------------------------------

const q = (v) => JSON.stringify(v);
const ident = (s) => (/^[A-Za-z_$][\w$]*$/.test(s) ? s : q(s));
const HEADER = (what) =>
  `// GENERATED by scripts/generate-model.mjs from botocore ${readFileSync(join(source, 'VERSION'), 'utf8').trim()}'s definition: ${what}.\n// Do not edit: change the generator, or run it again (npm run generate).\n`;

function shapeData(shape) {
  const out = { type: shape.type };
  if (shape.enum) out.enum = shape.enum;
  for (const k of ['min', 'max', 'pattern']) if (shape[k] !== undefined) out[k] = shape[k];
  if (shape.type === 'structure') {
    out.members = Object.fromEntries(Object.entries(shape.members).map(([name, ref]) => [name, { shape: ref.shape }]));
    if (shape.required?.length) out.required = shape.required;
  }
  if (shape.type === 'list') out.member = shape.member.shape;
  if (shape.type === 'map') Object.assign(out, { key: shape.key.shape, value: shape.value.shape });
  return out;
}

function shapesFile(service, api, keep) {
  // Operations without an input or output take and give an empty structure.
  const shapes = { Empty: { type: 'structure', members: {} }, ...api.shapes };
  const data = Object.fromEntries(Object.keys(shapes).sort().filter((name) => keep.has(name)).map((name) => [name, shapeData(shapes[name])]));
  // One shape a line, and parsed as JSON: V8 reads a large JSON string faster than the same object literal.
  const body = Object.entries(data).map(([name, shape]) => `${q(name)}:${q(shape)}`).join(',\n');
  return [
    HEADER(`the ${api.metadata.serviceFullName} shapes`),
    "import type { Shape } from '../shape.js';",
    '',
    `export const ${service.toUpperCase()}_SHAPES: Record<string, Shape> = JSON.parse(${q(`{${body}}`).replace(/\\n/g, '\\n\\\n')});`,
    '',
  ].join('\n');
}

function operationsFile(service, api, pages, servedNames) {
  // The exceptions once, and each operation's by their place in that list: the table stays small.
  const codes = Object.keys(api.shapes).filter((n) => api.shapes[n].exception).sort();
  const ops = Object.keys(api.operations).sort().map((name) => {
    const op = api.operations[name];
    const page = pages[name];
    // The rest are known by name, so that orgsim can say it does not simulate them.
    if (!servedNames.includes(name)) return name;
    return {
      name,
      input: op.input?.shape ?? 'Empty',
      output: op.output?.shape ?? 'Empty',
      errors: (op.errors ?? []).map((e) => codes.indexOf(e.shape)),
      ...(page ? { paginator: { inputToken: page.input_token, outputToken: page.output_token, limitKey: page.limit_key, resultKey: page.result_key } } : {}),
      served: true,
    };
  });
  const body = ops.map((op) => q(op)).join(',\n');
  return [
    HEADER(`the ${api.metadata.serviceFullName} operations`),
    "import type { OperationModel } from '../shape.js';",
    '',
    `const CODES: readonly string[] = ${q(codes)};`,
    `const TABLE: (string | (Omit<OperationModel, 'errors'> & { errors: number[] }))[] = JSON.parse(${q(`[${body}]`).replace(/\\n/g, '\\n\\\n')});`,
    '',
    `export const ${service.toUpperCase()}_OPERATIONS: readonly (string | OperationModel)[] = TABLE.map((op) => (typeof op === 'string' ? op : { ...op, errors: op.errors.map((i) => CODES[i]!) }));`,
    '',
  ].join('\n');
}

/** TypeScript interfaces of the structures kept, so that orgsim's own types can be checked against them. */
function typesFile(api, keep) {
  const enums = [...keep].filter((n) => api.shapes[n]?.enum).sort();
  const lines = [HEADER('the Organizations structures the served operations use, as TypeScript types (timestamps in wire form, epoch seconds)')];
  if (enums.length) lines.push(`import type { ${enums.join(', ')} } from './enums.js';`, '');
  const typeOf = (name) => {
    const shape = api.shapes[name];
    switch (shape.type) {
      case 'string':
        return shape.enum ? name : 'string';
      case 'integer':
      case 'long':
      case 'timestamp':
      case 'float':
      case 'double':
        return 'number';
      case 'boolean':
        return 'boolean';
      case 'list':
        return `${typeOf(shape.member.shape)}[]`;
      case 'map':
        return `Record<string, ${typeOf(shape.value.shape)}>`;
      default:
        return name;
    }
  };
  for (const name of [...keep].sort()) {
    const shape = name === 'Empty' ? { type: 'structure', members: {} } : api.shapes[name];
    if (shape.type !== 'structure' || shape.exception) continue;
    const required = new Set(shape.required ?? []);
    const members = Object.entries(shape.members).map(([m, ref]) => `  ${m}${required.has(m) ? '' : '?'}: ${typeOf(ref.shape)};`);
    lines.push(members.length ? `export interface ${name} {\n${members.join('\n')}\n}` : `export type ${name} = Record<string, never>;`, '');
  }
  return lines.join('\n');
}

function enumsFile(api, keep) {
  const lines = [HEADER('the Organizations enumerations the served operations use, values in the model\'s order')];
  for (const name of Object.keys(api.shapes).sort()) {
    const shape = api.shapes[name];
    if (!shape.enum || !keep.has(name)) continue;
    lines.push(`export const ${name} = {${shape.enum.map((v) => ` ${ident(v)}: ${q(v)}`).join(',')} } as const;`);
    lines.push(`export type ${name} = (typeof ${name})[keyof typeof ${name}];`, '');
  }
  return lines.join('\n');
}

function errorsFile(api) {
  const lines = [HEADER('the Organizations exceptions'), 'export const EXCEPTION_SHAPES = {'];
  for (const name of Object.keys(api.shapes).sort()) {
    const shape = api.shapes[name];
    if (!shape.exception) continue;
    lines.push(`  ${name}: { httpStatus: ${shape.fault ? 500 : 400}, hasReason: ${'Reason' in shape.members} },`);
  }
  lines.push('} as const;', '', 'export type ExceptionCode = keyof typeof EXCEPTION_SHAPES;', '');
  return lines.join('\n');
}

function docsFile(apis) {
  const lines = [HEADER("each structure member's documentation overview, by service, keyed Shape.Member"), 'export const MEMBER_DOCS: Record<string, Record<string, string>> = {'];
  for (const [service, api] of Object.entries(apis)) {
    lines.push(`  ${service}: {`);
    for (const name of Object.keys(api.shapes).sort()) {
      const shape = api.shapes[name];
      if (shape.type !== 'structure' || shape.exception) continue;
      for (const [member, ref] of Object.entries(shape.members)) {
        // A member's own documentation wins over its shape's, as botocore resolves it.
        const doc = overview(ref.documentation ?? api.shapes[ref.shape]?.documentation);
        if (doc) lines.push(`    ${q(`${name}.${member}`)}: ${q(doc)},`);
      }
    }
    lines.push('  },');
  }
  lines.push('};', '');
  return lines.join('\n');
}

// --- Main ----------------------------------------------------------------------------------------

const args = process.argv.slice(2);
if (args.includes('--refresh')) refresh();
const org = load('organizations');
const sts = load('sts');
const orgServed = Object.keys(served);
const stsServed = [];
const orgKeep = reachable(org.api, orgServed);
const files = {
  'organizations-shapes.ts': shapesFile('organizations', org.api, orgKeep),
  'organizations-operations.ts': operationsFile('organizations', org.api, org.pages, orgServed),
  'sts-shapes.ts': shapesFile('sts', sts.api, reachable(sts.api, stsServed)),
  'sts-operations.ts': operationsFile('sts', sts.api, sts.pages, stsServed),
  'enums.ts': enumsFile(org.api, orgKeep),
  'organizations-types.ts': typesFile(org.api, orgKeep),
  'errors.ts': errorsFile(org.api),
  'docs.ts': docsFile({ organizations: org.api, sts: sts.api }),
};

if (args.includes('--check')) {
  const stale = Object.entries(files).filter(([file, text]) => {
    try {
      return readFileSync(join(target, file), 'utf8') !== text;
    } catch {
      return true;
    }
  });
  for (const [file] of stale) console.error(`stale: src/model/generated/${file} (run npm run generate)`);
  process.exit(stale.length ? 1 : 0);
}
mkdirSync(target, { recursive: true });
for (const [file, text] of Object.entries(files)) writeFileSync(join(target, file), text);
console.log(`wrote ${Object.keys(files).length} files to ${dirname(join(target, 'x'))}`);
