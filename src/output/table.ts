// --output table, as awscli/formatter.py (TableFormatter) and awscli/table.py (MultiTable) draw it.
import { cellWidth } from './cell-width.js';
import { isScalar, scalarText, sortKeys } from './scalars.js';

type Dict = Record<string, unknown>;

class Section {
  title = '';
  headers: string[] = [];
  rows: string[][] = [];
  indent = 0;
  private maxWidths: number[] = [];

  setHeaders(headers: string[]): void {
    this.updateWidths(headers);
    this.headers = headers;
  }

  addRow(row: unknown[]): void {
    const cells = row.map(scalarText);
    this.rows.push(cells);
    this.updateWidths(cells);
  }

  private updateWidths(row: string[]): void {
    if (!this.maxWidths.length) this.maxWidths = row.map(cellWidth);
    else row.forEach((cell, i) => (this.maxWidths[i] = Math.max(cellWidth(cell), this.maxWidths[i] ?? 0)));
  }

  columnWidths(padding = 0, maxWidth?: number): number[] {
    const unscaled = this.maxWidths.map((w) => w + padding);
    if (maxWidth === undefined || !unscaled.length) return unscaled;
    const scale = maxWidth / unscaled.reduce((a, b) => a + b, 0);
    const scaled = unscaled.map((w) => pyRound(scale * w));
    let off = scaled.reduce((a, b) => a + b, 0) - maxWidth;
    while (off !== 0) {
      const order = scaled.map((_, i) => i);
      if (off < 0) order.reverse();
      for (const i of order) {
        if (off > 0) {
          scaled[i]! -= 1;
          off -= 1;
        } else {
          scaled[i]! += 1;
          off += 1;
        }
        if (off === 0) break;
      }
    }
    return scaled;
  }

  totalWidth(padding: number, outer: number): number {
    const total = this.columnWidths().reduce((sum, w) => sum + w + padding, 0) + 2 + outer * 2;
    return Math.max(cellWidth(this.title) + 2 + outer * 2, total);
  }
}

/** Python's round(): halves go to the even neighbour. */
function pyRound(x: number): number {
  const floor = Math.floor(x);
  const diff = x - floor;
  if (diff > 0.5) return floor + 1;
  if (diff < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

function groupScalarKeys(dict: Dict): [string[], string[]] {
  const headers: string[] = [];
  const more: string[] = [];
  for (const key of Object.keys(dict)) (isScalar(dict[key]) ? headers : more).push(key);
  return [sortKeys(headers), sortKeys(more)];
}

/** Builds the sections of a response, as TableFormatter._build_table does. */
class Builder {
  sections: Section[] = [];
  private current: Section | undefined;

  private newSection(title: string, indent: number): void {
    this.current = new Section();
    this.current.title = title;
    this.current.indent = indent;
    this.sections.push(this.current);
  }

  private section(): Section {
    if (!this.current) this.newSection('', 0);
    return this.current!;
  }

  build(title: string | undefined, value: unknown, indent = 0): boolean {
    if (isFalsy(value)) return false;
    if (title !== undefined) this.newSection(title, indent);
    if (Array.isArray(value)) {
      if (!isScalar(value[0]) && !Array.isArray(value[0])) this.fromList(value as Dict[], indent, title);
      else {
        for (const item of value) {
          if (isScalar(item)) this.section().addRow([item]);
          else if (Array.isArray(item) && item.every(isScalar)) this.section().addRow(item);
          else this.build(undefined, item);
        }
      }
    } else if (!isScalar(value)) {
      this.fromDict(value as Dict, indent);
    }
    return true;
  }

  private fromDict(dict: Dict, indent: number): void {
    const [headers, more] = groupScalarKeys(dict);
    if (headers.length === 1) this.section().addRow([headers[0], dict[headers[0]!]]);
    else if (headers.length) {
      this.section().setHeaders(headers);
      this.section().addRow(headers.map((h) => dict[h]));
    }
    for (const key of more) this.build(key, dict[key], indent + 1);
  }

  private fromList(list: Dict[], indent: number, title: string | undefined): void {
    const headerSet = new Set<string>();
    const moreSet = new Set<string>();
    for (const item of list) {
      const [h, m] = groupScalarKeys(item);
      h.forEach((k) => headerSet.add(k));
      m.forEach((k) => moreSet.add(k));
    }
    const headers = sortKeys(headerSet);
    const more = sortKeys(moreSet);
    this.section().setHeaders(headers);
    let first = true;
    for (const element of list) {
      if (!first && more.length) {
        this.newSection(title ?? '', indent);
        this.section().setHeaders(headers);
      }
      first = false;
      this.section().addRow(headers.map((h) => (h in element ? element[h] : '')));
      for (const key of more) if (key in element) this.build(key, element[key], indent + 1);
    }
  }
}

/** Python truthiness, which decides whether a value makes a section at all. */
function isFalsy(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === 0 || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object' && !isScalar(value)) return Object.keys(value).length === 0;
  return false;
}

export interface TableOptions {
  width: number;
  color: boolean;
}

const RESET = '\x1b[0m';
const BRIGHT_BLUE = '\x1b[1m\x1b[34m';
const DIM_YELLOW = '\x1b[2m\x1b[33m';

function centre(text: string, length: number, left: string, right: string, textLength = cellWidth(text)): string {
  const start = Math.floor(length / 2) - Math.floor(textLength / 2) - 1;
  const soFar = cellWidth(left) + start + textLength;
  return left + ' '.repeat(Math.max(start, 0)) + text + ' '.repeat(Math.max(length - cellWidth(right) - soFar, 0)) + right;
}

function alignLeft(text: string, length: number, left: string, right: string, textLength: number): string {
  const padding = length - (textLength + 2 + left.length + right.length) >= 0 ? 2 : 0;
  const soFar = left.length + padding + textLength;
  return left + ' '.repeat(padding) + text + ' '.repeat(Math.max(length - soFar - right.length, 0)) + right;
}

/**
 * Renders the table. Output is a sequence of writes, because with colour on the AWS CLI's
 * terminal wrapper (colorama, autoreset) follows every single write with a reset code.
 */
function renderSections(sections: Section[], options: TableOptions): string {
  const writes: string[] = [];
  const write = (text: string) => writes.push(options.color ? text + RESET : text);
  const styleCell = (text: string) => (options.color ? BRIGHT_BLUE + text + RESET : text);
  const styleIndent = (text: string) => (options.color ? DIM_YELLOW + text + RESET : text);

  const maxWidthOf = () => Math.max(...sections.map((s) => s.totalWidth(4, s.indent)));
  let maxWidth = maxWidthOf();
  if (maxWidth > options.width) {
    sections.forEach((section, i) => {
      if (section.rows.length === 1 && section.headers.length) {
        const vertical = new Section();
        vertical.title = section.title;
        vertical.indent = section.indent;
        section.headers.forEach((h, j) => vertical.addRow([h, section.rows[0]![j]]));
        sections[i] = vertical;
      }
    });
    maxWidth = maxWidthOf();
  }
  write('-'.repeat(maxWidth) + '\n');

  for (const section of sections) {
    const indentChars = styleIndent('|').repeat(section.indent);
    // IndentedStream: every line is wrapped in the indent characters, one write each.
    const line = (text: string) => {
      write(indentChars);
      write(text);
      write(indentChars);
      write('\n');
    };
    const width = maxWidth - section.indent * 2;
    if (section.title) {
      line(centre(section.title, width, '|', '|'));
      if (!section.headers.length && !section.rows.length) line(`+${'-'.repeat(width - 2)}+`);
    }
    const widths = section.columnWidths(4, width);
    const rule = () => line(widths.map((w, i) => (i === 0 ? `+${'-'.repeat(w - 2)}+` : `${'-'.repeat(w - 1)}+`)).join(''));
    if (section.headers.length) {
      rule();
      line(section.headers.map((h, i) => centre(h, widths[i]!, i === 0 ? '|' : '', '|')).join(''));
    }
    if (section.rows.length && widths.length) {
      rule();
      for (const row of section.rows) {
        line(widths.map((w, i) => alignLeft(styleCell(row[i] ?? ''), w, i === 0 ? '|' : '', '|', cellWidth(row[i] ?? ''))).join(''));
      }
      rule();
    }
  }
  return writes.join('');
}

export function formatTable(value: unknown, title: string, options: TableOptions): string {
  const builder = new Builder();
  if (!builder.build(title, value)) return '';
  return renderSections(builder.sections, options);
}
