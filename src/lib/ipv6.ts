/**
 * IPv6 text forms, as inet_ntop(3) writes them (RFC 5952: the longest run of two or more zero groups becomes
 * "::", the first such run on a tie; groups in lowercase hex without leading zeros).
 */
export type Ip6Groups = readonly number[];

export function formatIp6(groups: Ip6Groups): string {
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = (g: number | undefined) => (g ?? 0).toString(16);
  if (bestLen < 2) return groups.map(hex).join(':');
  const head = groups.slice(0, bestStart).map(hex).join(':');
  const tail = groups
    .slice(bestStart + bestLen)
    .map(hex)
    .join(':');
  return `${head}::${tail}`;
}

export function parseIp6(text: string): number[] | null {
  const dbl = text.indexOf('::');
  if (dbl !== text.lastIndexOf('::')) return null;
  const parseGroups = (s: string): number[] | null => {
    if (s === '') return [];
    const parts = s.split(':');
    const out: number[] = [];
    for (const p of parts) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(p)) return null;
      out.push(parseInt(p, 16));
    }
    return out;
  };
  if (dbl < 0) {
    const g = parseGroups(text);
    return g && g.length === 8 ? g : null;
  }
  const head = parseGroups(text.slice(0, dbl));
  const tail = parseGroups(text.slice(dbl + 2));
  if (!head || !tail || head.length + tail.length > 7) return null;
  return [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
}

/** The 32 hex digits of /proc/net/if_inet6. */
export function ip6Hex(groups: Ip6Groups): string {
  return groups.map((g) => g.toString(16).padStart(4, '0')).join('');
}
