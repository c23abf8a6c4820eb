/**
 * A lookup table indexed by a word the user typed: only the table's own entries count. `TABLE[word]` alone
 * finds Object.prototype's members for 'constructor', 'toString' or '__proto__', which are names people
 * may give to interfaces, namespaces, containers and chains.
 */
export function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/**
 * `{ ...table, [key]: value }` that keeps '__proto__' a plain key: assigning `table['__proto__']` would set the
 * object's prototype instead (also through an immer draft). A name users choose (a network) may be any word.
 */
export function withEntry<T>(table: Readonly<Record<string, T>>, key: string, value: T): Record<string, T> {
  return { ...table, ...(Object.fromEntries([[key, value]]) as Record<string, T>) };
}
