// A manual as terminal text (orgsim ... help) or as a roff man page (man/).
import { programName } from '../../errors/program.js';
import type { Manual } from './manual.js';

function wrap(text: string, width: number, indent: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent + line);
  return lines;
}

export function manualText(manual: Manual): string {
  const out: string[] = ['NAME', `       ${manual.name} - ${manual.summary}`, '', 'SYNOPSIS', ...manual.synopsis.map((s) => `       ${s}`), ''];
  for (const section of manual.sections) {
    out.push(section.title);
    for (const p of section.paragraphs) out.push(...wrap(p, 79, '       '), '');
    for (const [term, text] of section.items ?? []) out.push(`       ${term}`, ...wrap(text, 79, '           '), '');
    if (!section.paragraphs.length && !section.items?.length) out.push('');
  }
  return asProgram(out.join('\n').replace(/\n+$/, '\n'));
}

/** Command lines in the text name the program as it was run (`aws` through a link of that name); prose keeps orgsim's name. */
function asProgram(text: string): string {
  const program = programName();
  return program === 'orgsim' ? text : text.replace(/\borgsim(?= (?:\[|organizations\b|sts\b|help\b|--|<|[a-z]+ (?:\||\[|<|--|[a-z]+\b)))/g, program);
}

function roffEscape(text: string): string {
  const escaped = text.replace(/\\/g, '\\e').replace(/-/g, '\\-');
  return /^[.']/.test(escaped) ? `\\&${escaped}` : escaped;
}

export function manualRoff(manual: Manual, version: string): string {
  const out: string[] = [
    `.TH ${manual.page.toUpperCase()} 1 "" "orgsim ${version}" "orgsim manual"`,
    '.SH NAME',
    `${roffEscape(manual.page)} \\- ${roffEscape(manual.summary)}`,
    '.SH SYNOPSIS',
    '.nf',
    ...manual.synopsis.map(roffEscape),
    '.fi',
  ];
  for (const section of manual.sections) {
    out.push(`.SH ${section.title}`);
    for (const p of section.paragraphs) out.push('.PP', roffEscape(p));
    for (const [term, text] of section.items ?? []) out.push('.TP', `.B ${roffEscape(term)}`, roffEscape(text));
  }
  return out.join('\n') + '\n';
}
