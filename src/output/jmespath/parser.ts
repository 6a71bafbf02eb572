// jmespath.py's top-down operator precedence parser: the same binding powers, the same trees,
// and the same refusals at the same tokens (its quirks included: `{a: b c: d}` and `f(a b)` parse).
import { pyStr } from '../python-repr.js';
import { FRAME_BUDGET, incompleteError, parseError, parseTooDeep } from './errors.js';
import { tokenize, type Token } from './lexer.js';

export interface Node {
  type: string;
  children: Node[];
  value?: unknown;
}

const BINDING_POWER: Record<string, number> = {
  eof: 0,
  unquoted_identifier: 0,
  quoted_identifier: 0,
  literal: 0,
  rbracket: 0,
  rparen: 0,
  comma: 0,
  rbrace: 0,
  number: 0,
  current: 0,
  expref: 0,
  colon: 0,
  pipe: 1,
  or: 2,
  and: 3,
  eq: 5,
  gt: 5,
  lt: 5,
  gte: 5,
  lte: 5,
  ne: 5,
  flatten: 9,
  star: 20,
  filter: 21,
  dot: 40,
  not: 45,
  lbrace: 50,
  lbracket: 55,
  lparen: 60,
};
/** Tokens with less binding power than this end a projection. */
const PROJECTION_STOP = 10;
const COMPARATORS = new Set(['eq', 'ne', 'gt', 'gte', 'lt', 'lte']);

const node = (type: string, children: Node[] = [], value?: unknown): Node => (value === undefined ? { type, children } : { type, children, value });
const identity = () => node('identity');

/** Python's repr of a list of token types, as the messages print it. */
const typeList = (types: readonly string[]) => `[${types.map((t) => `'${t}'`).join(', ')}]`;

class Parser {
  private index = 0;
  /** The Python frames jmespath.py's parser would be using here. */
  private frames = 0;
  private readonly tokens: Token[];
  private readonly length: number;

  constructor(private readonly expression: string) {
    this.tokens = tokenize(expression);
    this.length = this.tokens[this.tokens.length - 1]!.start;
  }

  parse(): Node {
    const parsed = this.expressionAt(0);
    if (this.current() !== 'eof') {
      const t = this.peek(0);
      throw this.error(t, `Unexpected token: ${pyStr(t.value)}`);
    }
    return parsed;
  }

  private current(): string {
    return this.tokens[this.index]!.type;
  }

  private peek(offset: number): Token {
    return this.tokens[this.index + offset]!;
  }

  private error(token: Token, message: string, position = token.start) {
    return parseError(this.expression, position, token.value, token.type, message);
  }

  /** Runs `step` as `cost` more Python frames deep. */
  private deeper<T>(cost: number, step: () => T): T {
    this.frames += cost;
    try {
      if (this.frames > FRAME_BUDGET) throw parseTooDeep();
      return step();
    } finally {
      this.frames -= cost;
    }
  }

  // _expression and the nud or led it calls: two frames.
  private expressionAt(bindingPower: number): Node {
    return this.deeper(2, () => this.expressionHere(bindingPower));
  }

  private expressionHere(bindingPower: number): Node {
    const left = this.peek(0);
    this.index++;
    let tree = this.nud(left);
    while (bindingPower < BINDING_POWER[this.current()]!) {
      const token = this.peek(0);
      const led = this.led(token.type);
      if (!led) throw this.error(token, 'invalid token');
      this.index++;
      tree = led(tree);
    }
    return tree;
  }

  private nud(token: Token): Node {
    switch (token.type) {
      case 'literal':
        return node('literal', [], token.value);
      case 'unquoted_identifier':
        return node('field', [], token.value);
      case 'quoted_identifier':
        if (this.current() === 'lparen') throw this.error(this.peek(0), 'Quoted identifier not allowed for function names.', 0);
        return node('field', [], token.value);
      case 'star': {
        const right = this.current() === 'rbracket' ? identity() : this.projectionRhs(BINDING_POWER.star!);
        return node('value_projection', [identity(), right]);
      }
      case 'filter':
        return this.filter(identity());
      case 'lbrace':
        return this.multiSelectHash();
      case 'lparen': {
        const inner = this.expressionAt(0);
        this.match('rparen');
        return inner;
      }
      case 'flatten':
        return node('projection', [node('flatten', [identity()]), this.projectionRhs(BINDING_POWER.flatten!)]);
      case 'not':
        return node('not_expression', [this.expressionAt(BINDING_POWER.not!)]);
      case 'lbracket':
        if (this.current() === 'number' || this.current() === 'colon') return this.projectIfSlice(identity(), this.indexExpression());
        if (this.current() === 'star' && this.peek(1).type === 'rbracket') {
          this.index += 2;
          return node('projection', [identity(), this.projectionRhs(BINDING_POWER.star!)]);
        }
        return this.multiSelectList();
      case 'current':
        return node('current');
      case 'expref':
        return node('expref', [this.expressionAt(BINDING_POWER.expref!)]);
      case 'eof':
        throw incompleteError(this.expression, this.length);
      default:
        throw this.error(token, 'invalid token');
    }
  }

  private led(type: string): ((left: Node) => Node) | undefined {
    if (COMPARATORS.has(type)) return (left) => this.deeper(1, () => node('comparator', [left, this.expressionAt(BINDING_POWER[type]!)], type));
    switch (type) {
      case 'dot':
        return (left) => {
          if (this.current() === 'star') {
            this.index++;
            return node('value_projection', [left, this.projectionRhs(BINDING_POWER.dot!)]);
          }
          const right = this.dotRhs(BINDING_POWER.dot!);
          if (left.type === 'subexpression') {
            left.children.push(right);
            return left;
          }
          return node('subexpression', [left, right]);
        };
      case 'pipe':
        return (left) => node('pipe', [left, this.expressionAt(BINDING_POWER.pipe!)]);
      case 'or':
        return (left) => node('or_expression', [left, this.expressionAt(BINDING_POWER.or!)]);
      case 'and':
        return (left) => node('and_expression', [left, this.expressionAt(BINDING_POWER.and!)]);
      case 'lparen':
        return (left) => this.functionCall(left);
      case 'filter':
        return (left) => this.filter(left);
      case 'flatten':
        return (left) => node('projection', [node('flatten', [left]), this.projectionRhs(BINDING_POWER.flatten!)]);
      case 'lbracket':
        return (left) => {
          const type = this.current();
          if (type === 'number' || type === 'colon') {
            const right = this.indexExpression();
            if (left.type === 'index_expression') {
              left.children.push(right);
              return left;
            }
            return this.projectIfSlice(left, right);
          }
          this.match('star');
          this.match('rbracket');
          return node('projection', [left, this.projectionRhs(BINDING_POWER.star!)]);
        };
      default:
        return undefined;
    }
  }

  private functionCall(left: Node): Node {
    if (left.type !== 'field') {
      const name = this.peek(-2);
      throw this.error(name, `Invalid function name '${pyStr(name.value)}'`);
    }
    const args: Node[] = [];
    while (this.current() !== 'rparen') {
      const arg = this.expressionAt(0);
      if (this.current() === 'comma') this.match('comma');
      args.push(arg);
    }
    this.match('rparen');
    return node('function_expression', args, left.value);
  }

  private filter(left: Node): Node {
    const condition = this.expressionAt(0);
    this.match('rbracket');
    const right = this.current() === 'flatten' ? identity() : this.projectionRhs(BINDING_POWER.filter!);
    return node('filter_projection', [left, right, condition]);
  }

  private indexExpression(): Node {
    if (this.peek(0).type === 'colon' || this.peek(1).type === 'colon') return this.sliceExpression();
    const index = node('index', [], this.peek(0).value);
    this.index++;
    this.match('rbracket');
    return index;
  }

  private sliceExpression(): Node {
    const parts: (number | null)[] = [null, null, null];
    let at = 0;
    while (this.current() !== 'rbracket' && at < 3) {
      if (this.current() === 'colon') {
        at++;
        if (at === 3) throw this.error(this.peek(0), 'syntax error');
        this.index++;
      } else if (this.current() === 'number') {
        parts[at] = this.peek(0).value as number;
        this.index++;
      } else {
        throw this.error(this.peek(0), 'syntax error');
      }
    }
    this.match('rbracket');
    return node('slice', [], parts);
  }

  private projectIfSlice(left: Node, right: Node): Node {
    const indexed = node('index_expression', [left, right]);
    return right.type === 'slice' ? node('projection', [indexed, this.projectionRhs(BINDING_POWER.star!)]) : indexed;
  }

  private multiSelectList(): Node {
    return this.deeper(1, () => this.listItems());
  }

  private listItems(): Node {
    const items: Node[] = [];
    for (;;) {
      items.push(this.expressionAt(0));
      if (this.current() === 'rbracket') break;
      this.match('comma');
    }
    this.match('rbracket');
    return node('multi_select_list', items);
  }

  private multiSelectHash(): Node {
    return this.deeper(1, () => this.hashPairs());
  }

  private hashPairs(): Node {
    const pairs: Node[] = [];
    for (;;) {
      const key = this.peek(0);
      this.matchOneOf(['quoted_identifier', 'unquoted_identifier']);
      this.match('colon');
      pairs.push(node('key_val_pair', [this.expressionAt(0)], key.value));
      if (this.current() === 'comma') this.match('comma');
      else if (this.current() === 'rbrace') {
        this.match('rbrace');
        break;
      }
    }
    return node('multi_select_dict', pairs);
  }

  private projectionRhs(bindingPower: number): Node {
    return this.deeper(1, () => this.projectionRhsHere(bindingPower));
  }

  private projectionRhsHere(bindingPower: number): Node {
    const type = this.current();
    if (BINDING_POWER[type]! < PROJECTION_STOP) return identity();
    if (type === 'lbracket' || type === 'filter') return this.expressionAt(bindingPower);
    if (type === 'dot') {
      this.match('dot');
      return this.dotRhs(bindingPower);
    }
    throw this.error(this.peek(0), 'syntax error');
  }

  private dotRhs(bindingPower: number): Node {
    return this.deeper(1, () => this.dotRhsHere(bindingPower));
  }

  private dotRhsHere(bindingPower: number): Node {
    const type = this.current();
    if (type === 'quoted_identifier' || type === 'unquoted_identifier' || type === 'star') return this.expressionAt(bindingPower);
    if (type === 'lbracket') {
      this.match('lbracket');
      return this.multiSelectList();
    }
    if (type === 'lbrace') {
      this.match('lbrace');
      return this.multiSelectHash();
    }
    const t = this.peek(0);
    throw this.error(t, `Expecting: ${typeList(['quoted_identifier', 'unquoted_identifier', 'lbracket', 'lbrace'])}, got: ${t.type}`);
  }

  private match(type: string): void {
    if (this.current() === type) this.index++;
    else this.expected(type);
  }

  private matchOneOf(types: string[]): void {
    if (!types.includes(this.current())) this.expected(typeList(types));
    this.index++;
  }

  private expected(what: string): never {
    const t = this.peek(0);
    if (t.type === 'eof') throw incompleteError(this.expression, this.length);
    throw this.error(t, `Expecting: ${what}, got: ${t.type}`);
  }
}

export function parse(expression: string): Node {
  return new Parser(expression).parse();
}
