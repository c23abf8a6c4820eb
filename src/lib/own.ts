/**
 * A lookup table indexed by a word the user typed: only the table's own entries count. `TABLE[word]` alone
 * finds Object.prototype's members for 'constructor', 'toString' or '__proto__', which are names people
 * may give to interfaces, namespaces, containers and chains.
 */
export function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
