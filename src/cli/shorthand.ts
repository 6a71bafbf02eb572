// The AWS CLI's shorthand syntax: Key=Value,Key2=[a,b],Key3={K=V}, with quoting.

export class ShorthandError extends Error {}

const KEY_CHARS = /[A-Za-z0-9\-_.#/:]/;

function syntaxError(input: string, expected: string, actual: string, index: number): ShorthandError {
  // The current CLI echoes the input indented by one space but keeps the caret's column.
  return new ShorthandError(`Expected: '${expected}', received: '${actual}' for input:\n ${input}\n${' '.repeat(index)}^`);
}

export type ShorthandValue = string | ShorthandValue[] | { [key: string]: ShorthandValue };

class Parser {
  private i = 0;
  constructor(private readonly input: string) {}

  parse(): Record<string, ShorthandValue> {
    const params: Record<string, ShorthandValue> = {};
    this.keyval(params);
    while (this.i < this.input.length) {
      this.expect(',');
      this.keyval(params);
    }
    return params;
  }

  private current(): string | undefined {
    return this.input[this.i];
  }

  private skipSpace(): void {
    while (this.i < this.input.length && /\s/.test(this.input[this.i]!)) this.i++;
  }

  private expect(ch: string): void {
    this.skipSpace();
    if (this.current() !== ch) throw syntaxError(this.input, ch, this.current() ?? 'EOF', this.i);
    this.i++;
    this.skipSpace();
  }

  private key(): string {
    const start = this.i;
    while (this.i < this.input.length && KEY_CHARS.test(this.input[this.i]!)) this.i++;
    return this.input.slice(start, this.i);
  }

  private keyval(into: Record<string, ShorthandValue>): void {
    const start = this.i;
    const key = this.key();
    this.expect('=');
    const value = this.values();
    if (Object.prototype.hasOwnProperty.call(into, key)) {
      throw new ShorthandError(
        `Second instance of key "${key}" encountered for input:\n ${this.input}\n${' '.repeat(start)}^\nThis is often because there is a preceding "," instead of a space.`,
      );
    }
    Object.defineProperty(into, key, { value, enumerable: true, writable: true, configurable: true });
  }

  private values(): ShorthandValue {
    if (this.i >= this.input.length) return '';
    if (this.current() === '[') return this.explicitList();
    if (this.current() === '{') return this.hash();
    return this.csvValue();
  }

  /** a=b or a=b,c,d (but not a=b,c=d, where the comma starts the next key). */
  private csvValue(): ShorthandValue {
    const first = this.scalar(',');
    const list: string[] = [first];
    while (this.current() === ',' && !this.nextIsKeyval(this.i + 1)) {
      this.i++;
      this.skipSpace();
      list.push(this.scalar(','));
    }
    return list.length === 1 ? first : list;
  }

  private nextIsKeyval(from: number): boolean {
    return /^\s*[A-Za-z0-9\-_.#/:]+\s*=/.test(this.input.slice(from));
  }

  private explicitList(): ShorthandValue[] {
    this.expect('[');
    const items: ShorthandValue[] = [];
    while (this.current() !== ']') {
      if (this.i >= this.input.length) throw syntaxError(this.input, ']', 'EOF', this.i);
      items.push(this.current() === '{' ? this.hash() : this.scalar(',]'));
      this.skipSpace();
      if (this.current() === ',') this.expect(',');
    }
    this.expect(']');
    return items;
  }

  private hash(): Record<string, ShorthandValue> {
    this.expect('{');
    const result: Record<string, ShorthandValue> = {};
    while (this.current() !== '}') {
      if (this.i >= this.input.length) throw syntaxError(this.input, '}', 'EOF', this.i);
      const key = this.key();
      this.expect('=');
      const value: ShorthandValue =
        this.current() === '[' ? this.explicitList() : this.current() === '{' ? this.hash() : this.scalar(',}');
      Object.defineProperty(result, key, { value, enumerable: true, writable: true, configurable: true });
      this.skipSpace();
      if (this.current() === ',') this.expect(',');
    }
    this.expect('}');
    return result;
  }

  private scalar(stops: string): string {
    const ch = this.current();
    if (ch === '"' || ch === "'") return this.quoted(ch);
    let out = '';
    while (this.i < this.input.length) {
      const c = this.input[this.i]!;
      if (c === '\\' && this.input[this.i + 1] === ',') {
        out += ',';
        this.i += 2;
        continue;
      }
      if (stops.includes(c)) break;
      out += c;
      this.i++;
    }
    return out.trimEnd();
  }

  private quoted(quote: string): string {
    const start = this.i;
    this.i++;
    let out = '';
    while (this.i < this.input.length && this.input[this.i] !== quote) {
      if (this.input[this.i] === '\\' && this.i + 1 < this.input.length) this.i++;
      out += this.input[this.i++];
    }
    if (this.i >= this.input.length) throw syntaxError(this.input, quote, 'EOF', start);
    this.i++;
    this.skipSpace();
    return out;
  }
}

export function parseShorthand(input: string): Record<string, ShorthandValue> {
  return new Parser(input).parse();
}
