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
