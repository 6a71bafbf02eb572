// --generate-cli-skeleton: the input shape as JSON or commented YAML, or a sample output.
import { shapeOf, type Shape } from '../model/shapes.js';
import { NaiveDatetime } from '../output/naive-datetime.js';


const EPOCH = new NaiveDatetime('1970-01-01T00:00:00');

type Sample = string | number | NaiveDatetime | Sample[] | { [key: string]: Sample };

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
      case 'timestamp':
        return EPOCH;
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
  return String(value);
}

function comment(ref: { doc: string }, required: boolean): string {
  return '# ' + (required ? '[REQUIRED] ' : '') + ref.doc;
}

/**
 * The commented YAML skeleton. The first key of each mapping has two spaces before its
 * comment and later keys one, as the AWS CLI's YAML emitter lays comments out.
 */
function yamlMapping(value: Record<string, Sample>, shape: Shape, indent: string, firstPrefix: string): string[] {
  if (shape.type !== 'structure') return [];
  const lines: string[] = [];
  Object.keys(value).forEach((key, i) => {
    const ref = shape.members[key]!;
    const gap = i === 0 ? '  ' : ' ';
    const note = comment(ref, shape.required?.includes(key) ?? false);
    const lead = i === 0 ? firstPrefix : indent;
    const child = value[key]!;
    const childShape = shapeOf(ref.shape);
    if (childShape.type === 'structure') {
      lines.push(`${lead}${key}:${gap}${note}`);
      lines.push(...yamlMapping(child as Record<string, Sample>, childShape, indent + '  ', indent + '  '));
    } else if (childShape.type === 'list') {
      lines.push(`${lead}${key}:${gap}${note}`);
      const item = (child as Sample[])[0]!;
      const itemShape = shapeOf(childShape.member);
      if (itemShape.type === 'structure') lines.push(...yamlMapping(item as Record<string, Sample>, itemShape, indent + '  ', indent + '- '));
      else lines.push(`${indent}- ${yamlScalar(item)}`);
    } else {
      lines.push(`${lead}${key}: ${yamlScalar(child)}${gap}${note}`);
    }
  });
  return lines;
}

export function yamlInputSkeleton(shapeName: string): string {
  const skeleton = inputSkeleton(shapeName) as Record<string, Sample>;
  if (Object.keys(skeleton).length === 0) return '{}\n';
  return yamlMapping(skeleton, shapeOf(shapeName), '', '').join('\n') + '\n';
}
