// --output yaml as the AWS CLI prints it: ruamel.yaml's safe representer (keys sorted, block
// style) over libyaml's emitter (its scalar analysis, quoting and line folding at column 80).
import { isNaiveDatetime } from './naive-datetime.js';
import { floatJson, floatRepr, isPyFloat } from './python-float.js';
import { sortKeys } from './scalars.js';

const BEST_WIDTH = 80;

// YAML 1.2 implicit types of ruamel's resolver: a string that reads back as one must be quoted.
const IMPLICIT: [string, RegExp][] = [
  ['tTfF', /^(?:true|True|TRUE|false|False|FALSE)$/],
  ['-+0123456789.', /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)|[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/],
  ['-+0123456789', /^(?:[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+)$/],
  ['<', /^(?:<<)$/],
  ['~nN', /^(?:~|null|Null|NULL)$/],
  ['0123456789', /^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$/],
  ['=', /^(?:=)$/],
];

function resolvesToOtherType(s: string): boolean {
  if (s === '') return true;
  return IMPLICIT.some(([first, re]) => first.includes(s[0]!) && re.test(s));
}

const isBreak = (c: string) => c === '\n' || c === '\r' || c === '\x85' || c === '\u2028' || c === '\u2029';
const isBlankZ = (c: string | undefined) => c === undefined || c === ' ' || c === '\t' || c === '\0' || isBreak(c);

function isPrintable(c: string): boolean {
  const cp = c.codePointAt(0)!;
  return (
    cp === 0x0a ||
    (cp >= 0x20 && cp <= 0x7e) ||
    cp === 0x85 ||
    (cp >= 0xa0 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

interface Analysis {
  multiline: boolean;
  blockPlain: boolean;
  singleQuoted: boolean;
}

/** libyaml's yaml_emitter_analyze_scalar, for block context. */
function analyze(s: string): Analysis {
  if (s === '') return { multiline: false, blockPlain: true, singleQuoted: true };
  const chars = [...s];
  let blockIndicators = s.startsWith('---') || s.startsWith('...');
  let lineBreaks = false;
  let special = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;
  let precededByWhitespace = true;
  let followedByWhitespace = isBlankZ(chars[1]);
  chars.forEach((c, i) => {
    const last = i === chars.length - 1;
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(c)) blockIndicators = true;
      if ((c === '?' || c === ':') && followedByWhitespace) blockIndicators = true;
      if (c === '-' && followedByWhitespace) blockIndicators = true;
    } else {
      if (c === ':' && followedByWhitespace) blockIndicators = true;
      if (c === '#' && precededByWhitespace) blockIndicators = true;
    }
    if (!isPrintable(c)) special = true;
    if (isBreak(c)) lineBreaks = true;
    if (c === ' ') {
      if (i === 0) leadingSpace = true;
      if (last) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(c)) {
      if (i === 0) leadingBreak = true;
      if (last) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlankZ(c);
    followedByWhitespace = isBlankZ(chars[i + 2]);
  });
  let blockPlain = true;
  let singleQuoted = true;
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) blockPlain = false;
  if (breakSpace) blockPlain = singleQuoted = false;
  if (spaceBreak || special) blockPlain = singleQuoted = false;
  if (lineBreaks) blockPlain = false;
  if (blockIndicators) blockPlain = false;
  return { multiline: lineBreaks, blockPlain, singleQuoted };
}

const ESCAPES: Record<string, string> = {
  '\0': '0', '\x07': 'a', '\b': 'b', '\t': 't', '\n': 'n', '\x0b': 'v', '\f': 'f', '\r': 'r', '\x1b': 'e',
  '"': '"', '\\': '\\', '\x85': 'N', '\xa0': '_', '\u2028': 'L', '\u2029': 'P',
};

/** The emitter's output with libyaml's column bookkeeping. */
class Writer {
  out = '';
  column = 0;
  whitespace = true;
  indention = true;
  indent = -1;

  put(text: string): void {
    for (const c of text) {
      this.out += c;
      this.column += 1;
    }
  }

  newline(): void {
    this.out += '\n';
    this.column = 0;
  }

  writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.newline();
    while (this.column < indent) this.put(' ');
    this.whitespace = true;
    this.indention = true;
  }

  indicator(text: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    this.put(text);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  plain(s: string, allowBreaks: boolean): void {
    if (!this.whitespace && s.length) this.put(' ');
    const chars = [...s];
    let spaces = false;
    chars.forEach((c, i) => {
      if (c === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && chars[i + 1] !== ' ') this.writeIndent();
        else this.put(c);
        spaces = true;
      } else {
        this.put(c);
        this.indention = false;
        spaces = false;
      }
    });
    this.whitespace = false;
    this.indention = false;
  }

  singleQuoted(s: string, allowBreaks: boolean): void {
    this.indicator("'", true, false, false);
    const chars = [...s];
    let spaces = false;
    let breaks = false;
    chars.forEach((c, i) => {
      if (c === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i !== 0 && i !== chars.length - 1 && chars[i + 1] !== ' ') {
          this.writeIndent();
        } else this.put(c);
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c === '\n') this.newline();
        this.newline();
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.put(c === "'" ? "''" : c);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    });
    if (breaks) this.writeIndent();
    this.indicator("'", false, false, false);
  }

  doubleQuoted(s: string, allowBreaks: boolean): void {
    this.indicator('"', true, false, false);
    const chars = [...s];
    let spaces = false;
    chars.forEach((c, i) => {
      const cp = c.codePointAt(0)!;
      if (!isPrintable(c) || cp === 0xfeff || isBreak(c) || c === '"' || c === '\\') {
        const named = ESCAPES[c];
        if (named !== undefined) this.put('\\' + named);
        else if (cp <= 0xff) this.put('\\x' + cp.toString(16).toUpperCase().padStart(2, '0'));
        else if (cp <= 0xffff) this.put('\\u' + cp.toString(16).toUpperCase().padStart(4, '0'));
        else this.put('\\U' + cp.toString(16).toUpperCase().padStart(8, '0'));
        spaces = false;
      } else if (c === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i !== 0 && i !== chars.length - 1) {
          this.writeIndent();
          if (chars[i + 1] === ' ') this.put('\\');
        } else this.put(c);
        spaces = true;
      } else {
        this.put(c);
        spaces = false;
      }
    });
    this.indicator('"', false, false, false);
  }
}

type Context = 'root' | 'sequence' | 'mapping' | 'key';

function isCollection(value: unknown): value is Record<string, unknown> | unknown[] {
  return typeof value === 'object' && value !== null && !isNaiveDatetime(value) && !isPyFloat(value);
}

/** How the YAML representer writes a float: repr, with YAML's own words for the infinities and NaN. */
function yamlFloat(n: number): string {
  if (Number.isNaN(n)) return '.nan';
  if (!Number.isFinite(n)) return n > 0 ? '.inf' : '-.inf';
  return floatRepr(n);
}

/** A recursive rendering of libyaml's block emitter states for the values the CLI prints. */
class Emitter {
  readonly w = new Writer();

  private increaseIndent(flow: boolean, indentless: boolean): number {
    const saved = this.w.indent;
    if (this.w.indent < 0) this.w.indent = flow ? 2 : 0;
    else if (!indentless) this.w.indent += 2;
    return saved;
  }

  node(value: unknown, context: Context): void {
    if (!isCollection(value)) return this.scalar(value, context);
    const empty = Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0;
    if (empty) {
      const saved = this.increaseIndent(true, false);
      this.w.indicator(Array.isArray(value) ? '[' : '{', true, true, false);
      this.w.indent = saved;
      this.w.indicator(Array.isArray(value) ? ']' : '}', false, false, false);
      return;
    }
    if (Array.isArray(value)) {
      const saved = this.increaseIndent(false, context === 'mapping' && !this.w.indention);
      for (const item of value) {
        this.w.writeIndent();
        this.w.indicator('-', true, false, true);
        this.node(item, 'sequence');
      }
      this.w.indent = saved;
    } else {
      const saved = this.increaseIndent(false, false);
      for (const key of sortKeys(Object.keys(value))) {
        this.w.writeIndent();
        this.node(key, 'key');
        this.w.indicator(':', false, false, false);
        this.node(value[key], 'mapping');
      }
      this.w.indent = saved;
    }
  }

  private scalar(value: unknown, context: Context): void {
    const saved = this.increaseIndent(true, false);
    const simpleKey = context === 'key';
    const w = this.w;
    if (value === null || value === undefined) w.plain('null', !simpleKey);
    else if (typeof value === 'boolean' || typeof value === 'number') w.plain(String(value), !simpleKey);
    else if (isNaiveDatetime(value)) w.plain(value.iso.replace('T', ' '), !simpleKey);
    else if (isPyFloat(value)) w.plain(yamlFloat(value.value), !simpleKey);
    else {
      const s = String(value);
      const analysis = analyze(s);
      let style: 'plain' | 'single' | 'double' = 'plain';
      if (simpleKey && analysis.multiline) style = 'double';
      if (style === 'plain' && (!analysis.blockPlain || (s === '' && simpleKey) || resolvesToOtherType(s))) style = 'single';
      if (style === 'single' && !analysis.singleQuoted) style = 'double';
      if (style === 'plain') w.plain(s, !simpleKey);
      else if (style === 'single') w.singleQuoted(s, !simpleKey);
      else w.doubleQuoted(s, !simpleKey);
    }
    w.indent = saved;
  }
}

function isJsonScalar(value: unknown): boolean {
  return value === null || value === undefined || typeof value !== 'object' || isPyFloat(value);
}

/** One YAML document (the AWS CLI prints JSON for a bare scalar). */
export function formatYaml(value: unknown): string {
  if (isJsonScalar(value)) return (isPyFloat(value) ? floatJson(value.value) : JSON.stringify(value ?? null)) + '\n';
  const emitter = new Emitter();
  emitter.node(value, 'root');
  return emitter.w.out + '\n';
}
