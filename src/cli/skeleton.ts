// --generate-cli-skeleton: the input shape as JSON or commented YAML, or a sample output.
import { shapeOf, type Shape } from '../model/shapes.js';
import { NaiveDatetime } from '../output/naive-datetime.js';


const EPOCH = new NaiveDatetime('1970-01-01T00:00:00');

type Sample = string | number | boolean | NaiveDatetime | Sample[] | { [key: string]: Sample };

/** A member's documentation overview (the lazily loaded model/documentation.ts). */
export type MemberDoc = (structure: string, member: string) => string;

/** Builds a sample of `shapeName`. With member names (output), strings hold their member's name. */
function sample(shapeName: string, stack: string[], useMemberNames: boolean, name: string): Sample {
  const shape = shapeOf(shapeName);
  stack.push(shapeName);
  try {
    switch (shape.type) {
      case 'structure': {
        // A shape met twice on the way down (Resources inside Resources) becomes {}.
        if (stack.filter((s) => s === shapeName).length > 1) return {};
        const out: Record<string, Sample> = {};
        for (const [member, ref] of Object.entries(shape.members)) out[member] = sample(ref.shape, stack, useMemberNames, member);
        return out;
      }
      case 'list':
        return [sample(shape.member, stack, useMemberNames, useMemberNames ? shape.member : '')];
      case 'string':
        if (useMemberNames) return name;
        return shape.enum ? shape.enum[0]! : '';
      case 'integer':
        return 0;
      case 'boolean':
        return false;
      case 'timestamp':
        return EPOCH;
      case 'map':
        return {};
    }
  } finally {
    stack.pop();
  }
}

export function inputSkeleton(shapeName: string): Sample {
  return sample(shapeName, [], false, '');
}

export function outputSkeleton(shapeName: string): Sample {
  return sample(shapeName, [], true, '');
}

function yamlScalar(value: Sample): string {
  if (value === '') return "''";
  // A datetime, as the YAML emitter writes one: a space between date and time (cli-behaviour.md §7).
  if (value instanceof NaiveDatetime) return value.iso.replace('T', ' ');
  return String(value);
}

/** The comment the AWS CLI puts after a member: [REQUIRED], the documentation's first sentence, the valid values. */
function comment(doc: string, member: Shape, required: boolean): string {
  const parts = [...(required ? ['[REQUIRED]'] : []), doc, ...(member.type === 'string' && member.enum ? [`Valid values are: ${member.enum.join(', ')}.`] : [])];
  const text = parts.join(' ');
  return text.trim() ? `# ${text}` : '';
}

/**
 * The commented YAML skeleton. The first key of each mapping has two spaces before its
 * comment and later keys one, as the AWS CLI's YAML emitter lays comments out.
 */
function yamlMapping(value: Record<string, Sample>, shapeName: string, indent: string, firstPrefix: string, doc: MemberDoc): string[] {
  const shape = shapeOf(shapeName);
  if (shape.type !== 'structure') return [];
  const lines: string[] = [];
  Object.keys(value).forEach((key, i) => {
    const ref = shape.members[key]!;
    const gap = i === 0 ? '  ' : ' ';
    const childShape = shapeOf(ref.shape);
    const note = comment(doc(shapeName, key), childShape, shape.required?.includes(key) ?? false);
    const lead = i === 0 ? firstPrefix : indent;
    const child = value[key]!;
    if (childShape.type === 'structure') {
      lines.push(note ? `${lead}${key}:${gap}${note}` : `${lead}${key}:`);
      lines.push(...yamlMapping(child as Record<string, Sample>, ref.shape, indent + '  ', indent + '  ', doc));
    } else if (childShape.type === 'list') {
      lines.push(note ? `${lead}${key}:${gap}${note}` : `${lead}${key}:`);
      const item = (child as Sample[])[0]!;
      const itemShape = shapeOf(childShape.member);
      if (itemShape.type === 'structure') lines.push(...yamlMapping(item as Record<string, Sample>, childShape.member, indent + '  ', indent + '- ', doc));
      else lines.push(`${indent}- ${yamlScalar(item)}`);
    } else {
      lines.push(`${lead}${key}: ${yamlScalar(child)}${note ? gap + note : ''}`);
    }
  });
  return lines;
}

export function yamlInputSkeleton(shapeName: string, doc: MemberDoc): string {
  const skeleton = inputSkeleton(shapeName) as Record<string, Sample>;
  if (Object.keys(skeleton).length === 0) return '{}\n';
  return yamlMapping(skeleton, shapeName, '', '', doc).join('\n') + '\n';
}
