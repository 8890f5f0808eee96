import 'reflect-metadata';

const LINE_BREAKS_ALLOWED = 'gatehouse:line-breaks-allowed';

// C0 controls (NUL included, which PostgreSQL refuses in text), DEL and the C1 controls: matching them is the point.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// The same, less tab, line feed and carriage return.
// eslint-disable-next-line no-control-regex
const CONTROL_BUT_LINE_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/**
 * A free-text field that may hold tabs and line breaks (a staff reason pasted from a ticket). Every other
 * string a DTO takes refuses all control characters; see controlCharacterFields.
 */
export function AllowsLineBreaks(): PropertyDecorator {
  return (target, property) => {
    const allowed = new Set<string | symbol>(
      (Reflect.getMetadata(LINE_BREAKS_ALLOWED, target) as Set<string | symbol>) ?? [],
    );
    allowed.add(property);
    Reflect.defineMetadata(LINE_BREAKS_ALLOWED, allowed, target);
  };
}

export const CONTROL_CHARACTER_MESSAGE = 'Remove the control characters (such as NUL): this field takes plain text.';

/**
 * The fields (dotted paths from `field`) whose text holds a control character, in a validated request value:
 * a DTO instance (nested DTOs included), an array or a plain string. Walked without recursion.
 */
export function controlCharacterFields(value: unknown, field: string): string[] {
  const found: string[] = [];
  const pending: Array<{ value: unknown; path: string; lineBreaks: boolean }> = [
    { value, path: field, lineBreaks: false },
  ];
  while (pending.length) {
    const { value: current, path, lineBreaks } = pending.pop()!;
    if (typeof current === 'string') {
      if ((lineBreaks ? CONTROL_BUT_LINE_BREAKS : CONTROL).test(current)) found.push(path);
      continue;
    }
    if (typeof current !== 'object' || current === null) continue;
    const allowed = (Reflect.getMetadata(LINE_BREAKS_ALLOWED, current) as Set<string> | undefined) ?? new Set();
    for (const [key, child] of Object.entries(current)) {
      if (CONTROL.test(key)) found.push(path ? `${path}.${key}` : key);
      pending.push({ value: child, path: path ? `${path}.${key}` : key, lineBreaks: allowed.has(key) });
    }
  }
  return found.reverse();
}
