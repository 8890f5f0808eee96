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

// Half of a UTF-16 pair without its other half: no character at all. PostgreSQL's jsonb refuses it, and a text
// column would silently store U+FFFD instead.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const CONTROL_CHARACTER_MESSAGE =
  'This field takes plain text: remove the control characters (such as NUL) and unpaired surrogates.';

function isPlainText(text: string, lineBreaks: boolean): boolean {
  return !(lineBreaks ? CONTROL_BUT_LINE_BREAKS : CONTROL).test(text) && !LONE_SURROGATE.test(text);
}

/**
 * The request value with every `"field": null` left out, nested objects too, so null means what absence means:
 * class-validator's IsOptional lets null through, and a null role or status would reach a NOT NULL column.
 */
export function withoutNulls(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const root: Record<string, unknown> = {};
  const pending: Array<[Record<string, unknown>, Record<string, unknown>]> = [[value as Record<string, unknown>, root]];
  while (pending.length) {
    const [from, to] = pending.pop()!;
    for (const [key, child] of Object.entries(from)) {
      if (child === null) continue;
      const nested = typeof child === 'object' && !Array.isArray(child);
      const copy = nested ? {} : child;
      // Defined, not assigned: a key named __proto__ stays a key (and meets forbidNonWhitelisted).
      Object.defineProperty(to, key, { value: copy, enumerable: true, writable: true, configurable: true });
      if (nested) pending.push([child as Record<string, unknown>, copy as Record<string, unknown>]);
    }
  }
  return root;
}

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
      if (!isPlainText(current, lineBreaks)) found.push(path);
      continue;
    }
    if (typeof current !== 'object' || current === null) continue;
    const allowed = (Reflect.getMetadata(LINE_BREAKS_ALLOWED, current) as Set<string> | undefined) ?? new Set();
    for (const [key, child] of Object.entries(current)) {
      if (!isPlainText(key, false)) found.push(path ? `${path}.${key}` : key);
      pending.push({ value: child, path: path ? `${path}.${key}` : key, lineBreaks: allowed.has(key) });
    }
  }
  return found.reverse();
}
