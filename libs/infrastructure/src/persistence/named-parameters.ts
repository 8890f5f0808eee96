/** A statement written with `:name` placeholders, turned once into pg's `$1…$n` and the order to bind in. */
export interface NamedStatement<Names extends string> {
  text: string;
  values(named: Record<Names, unknown>): unknown[];
}

// `:name`, but not the second colon of a `::type` cast.
const PLACEHOLDER = /(?<!:):([A-Za-z_][A-Za-z0-9_]*)/g;

/**
 * Lets hand-written SQL bind values by name, so a statement and the object it is given cannot drift apart by
 * position. Built once at load; binding is a lookup per placeholder.
 */
export function namedStatement<Names extends string>(sql: string): NamedStatement<Names> {
  const order: Names[] = [];
  const text = sql.replace(PLACEHOLDER, (_, name: Names) => {
    const at = order.indexOf(name);
    if (at >= 0) return `$${at + 1}`;
    order.push(name);
    return `$${order.length}`;
  });
  return {
    text,
    values: (named) =>
      order.map((name) => {
        if (!(name in named)) throw new Error(`No value for :${name}`);
        return named[name];
      }),
  };
}

/** `:prefix_name` for each name (`:name` without a prefix): a table's fragment inside a larger statement. */
export function placeholders<Name extends string>(prefix: string, names: readonly Name[]): Record<Name, string> {
  return Object.fromEntries(names.map((name) => [name, prefix ? `:${prefix}_${name}` : `:${name}`])) as Record<
    Name,
    string
  >;
}

/** The values renamed `prefix_name`, to bind with `placeholders(prefix, …)`. */
export function prefixed(prefix: string, values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).map(([name, value]) => [`${prefix}_${name}`, value]));
}
