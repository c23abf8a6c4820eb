import fc from 'fast-check';
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { JournalEntry } from '../simulation';
import { fnv1a32, toBase64Url, writeVarint } from './bytes';
import { decodeScenario, encodeScenario, scenarioFromJson, scenarioFromValue, scenarioToJson } from './codec';
import { LIMITS } from './limits';
import { stripControl } from './text';
import type { LayoutTree, ScenarioDoc } from './scenario';
import { FOUR_MODES } from './four_modes';

const line = (terminal: string, l: string): JournalEntry => ({ kind: 'line', terminal, line: l });

export { FOUR_MODES };

function mustEncode(s: ScenarioDoc): string {
  const r = encodeScenario(s);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

function errorCode(r: ReturnType<typeof decodeScenario>): string {
  return r.ok ? 'ok' : r.error.code;
}

/** A link body by hand: for headers and streams no encoder would make. */
function handMade(
  json: string | Uint8Array,
  opts: { len?: number; sum?: number; encoding?: number } = {},
): string {
  const raw = typeof json === 'string' ? new TextEncoder().encode(json) : json;
  const head: number[] = [opts.encoding ?? 1];
  writeVarint(opts.len ?? raw.length, head);
  const sum = opts.sum ?? fnv1a32(raw);
  head.push(sum & 0xff, (sum >>> 8) & 0xff, (sum >>> 16) & 0xff, sum >>> 24);
  const { DICTIONARY_1 } = dictionary;
  const body = deflateSync(raw, { dictionary: DICTIONARY_1 });
  return toBase64Url(new Uint8Array([...head, ...body]));
}
const dictionary = await import('./dictionary');

describe('share link codec', () => {
  it('round-trips the four-mode scenario in under 2 KB of URL', () => {
    const code = mustEncode(FOUR_MODES);
    const url = `https://example.github.io/container-network-playground/#s=${code}`;
    console.log(`four-mode scenario: ${url.length} characters of URL (${code.length} of code)`);
    expect(url.length).toBeLessThanOrEqual(2048);
    const back = decodeScenario(code);
    expect(back.ok && back.value.repairs).toEqual([]);
    expect(back.ok && back.value.scenario).toEqual(FOUR_MODES);
  });

  it('gives the same text for the same scenario (links are stable)', () => {
    expect(mustEncode(FOUR_MODES)).toBe(mustEncode(structuredClone(FOUR_MODES)));
  });

  it('tells a cut-off link from garbage', () => {
    const code = mustEncode(FOUR_MODES);
    const codes = new Set<string>();
    for (let cut = 1; cut < code.length; cut++) codes.add(errorCode(decodeScenario(code.slice(0, cut))));
    expect([...codes]).toEqual(['truncated']);
    expect(errorCode(decodeScenario('not a link!'))).toBe('garbage');
    expect(errorCode(decodeScenario('AAAAAAAA'))).toBe('garbage');
    expect(errorCode(decodeScenario(''))).toBe('empty');
  });

  it('refuses a damaged link by its checksum', () => {
    const code = mustEncode(FOUR_MODES);
    const i = code.length - 10;
    const flipped = code.slice(0, i) + (code[i] === 'A' ? 'B' : 'A') + code.slice(i + 1);
    expect(['garbage', 'truncated']).toContain(errorCode(decodeScenario(flipped)));
    expect(errorCode(decodeScenario(handMade('{"v":2,"seed":1,"journal":[]}', { sum: 1 })))).toBe('garbage');
  });

  it('refuses links of a newer app, by encoding and by scenario version', () => {
    expect(errorCode(decodeScenario(handMade('{}', { encoding: 2 })))).toBe('unsupported-version');
    expect(errorCode(decodeScenario(handMade('{"v":4,"seed":1,"journal":[]}')))).toBe('unsupported-version');
  });

  it('refuses oversized input before inflating it', () => {
    expect(errorCode(decodeScenario('A'.repeat(LIMITS.codeChars + 4)))).toBe('oversized');
    expect(errorCode(decodeScenario(handMade('{}', { len: LIMITS.jsonBytes + 1 })))).toBe('oversized');
    // A zip bomb that lies about its size inflates into the declared 30 bytes and fails the checksum.
    const bomb = handMade(new Uint8Array(2_000_000), { len: 30 });
    expect(bomb.length).toBeLessThan(LIMITS.codeChars);
    expect(errorCode(decodeScenario(bomb))).toBe('garbage');
    const long = { ...FOUR_MODES, journal: [line('t1', 'x'.repeat(LIMITS.lineChars + 1))] };
    expect(encodeScenario(long).ok).toBe(false);
    expect(
      errorCode(
        scenarioFromJson(
          JSON.stringify({ v: 2, seed: 1, journal: Array(LIMITS.journalEntries + 1).fill('ip a') }),
        ),
      ),
    ).toBe('oversized');
  });

  it('says when a scenario will not fit in a link', () => {
    const big: ScenarioDoc = {
      v: 3,
      seed: 1,
      // Hex of a multiplicative hash: text that does not compress away.
      journal: Array.from({ length: 8000 }, (_, i) =>
        line('t1', `echo ${(Math.imul(i + 1, 2654435761) >>> 0).toString(16)}`),
      ),
    };
    const r = encodeScenario(big);
    expect(!r.ok && r.error.code).toBe('oversized');
    expect(encodeScenario(big, { maxChars: 1_000_000 }).ok).toBe(true);
  });
});

describe('loading untrusted scenarios', () => {
  const base = { v: 2, seed: 1, journal: [] as unknown[] };

  it('refuses __proto__, constructor and prototype keys anywhere, and pollutes nothing', () => {
    for (const text of [
      '{"v":2,"seed":1,"journal":[],"__proto__":{"polluted":1}}',
      '{"v":2,"seed":1,"journal":[],"layout":{"pos":{"__proto__":{"polluted":1}}}}',
      '{"v":2,"seed":1,"journal":[{"line":"ip a","constructor":{"prototype":{"polluted":1}}}]}',
    ]) {
      const r = scenarioFromJson(text);
      expect(errorCode(r)).toBe('forbidden-key');
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses markup in names (terminal ids, machines, titles, layout ids)', () => {
    const cases: unknown[] = [
      { ...base, journal: [{ terminal: '<b>t2</b>', line: 'ip a' }] },
      {
        ...base,
        journal: [{ open: 't2', machine: '<img src=x onerror=alert(1)>', parent: 't1', title: 'x' }],
      },
      {
        ...base,
        journal: [{ open: 't2', machine: 'host', parent: 't1', title: '<script>alert(1)</script>' }],
      },
      { ...base, layout: { pos: { '<svg onload=alert(1)>': { x: 1, y: 2 } } } },
      { ...base, layout: { pinned: ['"><script>'] } },
    ];
    for (const c of cases) expect(errorCode(scenarioFromValue(c))).toBe('markup');
  });

  it('keeps markup in typed lines as the data it is (the shell reads it; nothing renders it)', () => {
    const r = scenarioFromValue({ ...base, journal: ['docker run --name "<b>x</b>" busybox'] });
    expect(r.ok && r.value.scenario.journal[0]).toEqual(line('t1', 'docker run --name "<b>x</b>" busybox'));
  });

  it('refuses wrong types with the path of the field', () => {
    const r = scenarioFromValue({ ...base, journal: ['ip a', { terminal: 't2', line: 42 }] });
    expect(!r.ok && r.error).toMatchObject({ code: 'invalid', path: 'journal[1].line' });
    expect(errorCode(scenarioFromValue({ ...base, seed: -1 }))).toBe('invalid');
    expect(errorCode(scenarioFromValue({ ...base, seed: 2 ** 32 }))).toBe('invalid');
    expect(errorCode(scenarioFromValue({ ...base, seed: '1' }))).toBe('invalid');
    expect(errorCode(scenarioFromValue({ ...base, layout: { x: 1e300 } }))).toBe('invalid');
    expect(errorCode(scenarioFromValue({ ...base, journal: [{ line: 'x', interrupt: -1 }] }))).toBe(
      'invalid',
    );
    expect(errorCode(scenarioFromValue([1, 2]))).toBe('garbage');
    expect(errorCode(scenarioFromValue({ seed: 1, journal: [] }))).toBe('invalid');
    expect(errorCode(scenarioFromJson('{"v":2,'))).toBe('garbage');
  });

  it('repairs what it can and says so', () => {
    const r = scenarioFromValue({
      ...base,
      journal: ['ip a\u001b]52;c;ZXZpbA==\u0007', { line: 'ping 8.8.8.8', color: 'red' }],
      histories: { t1: Array.from({ length: LIMITS.historyLines + 5 }, (_, i) => `echo ${i}`) },
      active: 't9',
      theme: 'dark',
    });
    if (!r.ok) throw new Error(r.error.detail);
    expect(r.value.scenario.journal).toEqual([line('t1', 'ip a]52;c;ZXZpbA=='), line('t1', 'ping 8.8.8.8')]);
    expect(r.value.scenario.histories?.t1).toHaveLength(LIMITS.historyLines);
    expect(r.value.scenario.histories?.t1?.[0]).toBe('echo 5');
    expect(r.value.scenario.active).toBeUndefined();
    expect(r.value.repairs.map((x) => `${x.code} ${x.path}`)).toEqual([
      'unknown-field-dropped $.theme',
      'control-characters-removed journal[0]',
      'unknown-field-dropped journal[1].color',
      'history-trimmed histories.t1',
      'active-terminal-dropped active',
    ]);
  });

  it('migrates the version 1 script form', () => {
    const r = scenarioFromJson('{"v":1,"seed":7,"lines":["docker network create net1","ip a"]}');
    expect(r.ok && r.value.scenario).toEqual({
      v: 3,
      seed: 7,
      journal: [line('t1', 'docker network create net1'), line('t1', 'ip a')],
    });
    expect(errorCode(scenarioFromJson('{"v":1,"lines":"ip a"}'))).toBe('invalid');
  });

  it('renames a version 2 layout to the numeric kernel ids', () => {
    const v2 = {
      v: 2,
      seed: 1,
      journal: ['ip a'],
      layout: {
        pos: { 'ns:ns0': { x: 1, y: 2 }, 'ns:ns12': { x: 3, y: 4 }, 'ctr:ab': { x: 5, y: 6 } },
        pinned: { 'ns:ns12': true },
        bridgeCol: { d7: 1, d30: 2 },
      },
    };
    const r = scenarioFromJson(JSON.stringify(v2));
    expect(r.ok && r.value.scenario.layout).toEqual({
      pos: { 'ns:0': { x: 1, y: 2 }, 'ns:12': { x: 3, y: 4 }, 'ctr:ab': { x: 5, y: 6 } },
      pinned: { 'ns:12': true },
      bridgeCol: { '7': 1, '30': 2 },
    });
  });

  it('exports and imports a JSON file', () => {
    const json = scenarioToJson(FOUR_MODES);
    if (!json.ok) throw new Error('export');
    expect(json.value).toContain('"docker network create mynet"');
    const back = scenarioFromJson(json.value);
    expect(back.ok && back.value.scenario).toEqual(FOUR_MODES);
  });
});

// Valid scenarios, as the app makes them.
const termId = fc.integer({ min: 1, max: 40 }).map((n) => `t${n}`);
const text = fc.string({ unit: 'grapheme', maxLength: 60 }).map(stripControl);
const safeName = fc
  .stringMatching(/^[A-Za-z0-9_.:@/+#-]{1,20}$/)
  .filter((k) => !['__proto__', 'constructor', 'prototype'].includes(k));
const entry: fc.Arbitrary<JournalEntry> = fc.oneof(
  fc.record({ kind: fc.constant('line' as const), terminal: termId, line: text }),
  fc.record(
    {
      kind: fc.constant('line' as const),
      terminal: termId,
      line: text,
      opened: fc.array(termId, { maxLength: 2 }),
      interrupt: fc.nat(1000),
    },
    { requiredKeys: ['kind', 'terminal', 'line'] },
  ),
  fc.record({
    kind: fc.constant('open' as const),
    terminal: termId,
    machine: fc.oneof(fc.constant('host'), fc.stringMatching(/^[0-9a-f]{64}$/)),
    parent: fc.option(termId, { nil: null }),
    title: fc.stringMatching(/^[A-Za-z0-9 ._()-]{0,30}$/),
  }),
  fc.record({ kind: fc.constant('close' as const), terminal: termId }),
);
const layoutLeaf: fc.Arbitrary<LayoutTree> = fc.oneof(
  fc.integer({ min: -1e6, max: 1e6 }),
  fc
    .double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true })
    .map((x) => (Object.is(x, -0) ? 0 : x)),
  fc.boolean(),
  fc.constant(null),
  safeName,
);
const layout = fc.dictionary(
  safeName,
  fc.oneof(
    layoutLeaf,
    fc.dictionary(safeName, fc.oneof(layoutLeaf, fc.dictionary(safeName, layoutLeaf, { maxKeys: 3 })), {
      maxKeys: 4,
    }),
    fc.array(layoutLeaf, { maxLength: 4 }),
  ),
  { maxKeys: 5 },
);
const scenario: fc.Arbitrary<ScenarioDoc> = fc.record(
  {
    v: fc.constant(3 as const),
    seed: fc.nat(),
    journal: fc.array(entry, { maxLength: 30 }),
    layout,
    histories: fc.dictionary(termId, fc.array(text, { maxLength: 5 }), { maxKeys: 3 }),
    active: fc.constant('t1'),
  },
  { requiredKeys: ['v', 'seed', 'journal'] },
);

describe('decode(encode(x)) equals x', () => {
  it('for any valid scenario, as a link and as a file', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const code = encodeScenario(s, { maxChars: 1_000_000 });
        if (!code.ok) throw new Error(JSON.stringify(code.error));
        const back = decodeScenario(code.value, { maxChars: 1_000_000 });
        expect(back.ok && back.value).toEqual({ scenario: s, repairs: [] });
        const file = scenarioToJson(s);
        expect(file.ok && scenarioFromJson(file.value)).toEqual({
          ok: true,
          value: { scenario: s, repairs: [] },
        });
      }),
      { numRuns: 300, seed: 42 },
    );
  });

  it('never throws on arbitrary text or values', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (t) => {
        decodeScenario(t);
        scenarioFromJson(t);
      }),
      { numRuns: 500, seed: 7 },
    );
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (v) => {
        scenarioFromValue(v);
        scenarioFromValue({ v: 2, seed: 1, journal: [], layout: v });
        scenarioFromValue({ v: 2, seed: 1, journal: Array.isArray(v) ? v : [v] });
      }),
      { numRuns: 500, seed: 9 },
    );
  });
});
