import { describe, expect, it } from 'vitest';
import {
  appBase,
  embedSnippet,
  normalizeOrigin,
  parseEmbedParams,
  scenarioCode,
  shareLink,
} from './embed_params';

describe('embed parameters', () => {
  it('reads the embed options', () => {
    expect(parseEmbedParams('?embed=1&view=graph&readonly&lesson=four-modes&lang=zh-CN')).toEqual({
      embed: true,
      view: 'graph',
      readonly: true,
      lesson: 'four-modes',
      lang: 'zh-CN',
      origins: [],
      ignored: [],
    });
    const plain = parseEmbedParams('');
    expect(plain.embed).toBe(false);
    expect(plain.view).toBe('both');
    expect(plain.readonly).toBe(false);
    expect(parseEmbedParams('?embed=0&readonly=false').embed).toBe(false);
    expect(parseEmbedParams('?embed=1&readonly=false').readonly).toBe(false);
  });

  it('accepts only real http(s) origins in the allow-list', () => {
    const p = parseEmbedParams(
      '?embed=1&origins=https://docs.example.edu/x/y,http://localhost:8080 *&origin=null&origin=javascript:alert(1)',
    );
    expect(p.origins).toEqual(['https://docs.example.edu', 'http://localhost:8080']);
    expect(p.ignored).toEqual(['origin *', 'origin null', 'origin javascript:alert(1)']);
    expect(normalizeOrigin('https://user:pw@a.example')).toBeNull();
    expect(normalizeOrigin('HTTPS://A.Example:443/')).toBe('https://a.example');
  });

  it('ignores malformed options instead of using them', () => {
    const p = parseEmbedParams('?embed=1&view=<svg>&lesson=<b>x</b>&lang="><script>');
    expect(p).toMatchObject({ view: 'both', lesson: null, lang: null, ignored: ['view', 'lesson', 'lang'] });
  });

  it('finds the scenario in the fragment first, then in the query', () => {
    expect(scenarioCode('#s=abc', '?scenario=def')).toEqual({ code: 'abc', from: 'fragment' });
    expect(scenarioCode('', '?embed=1&scenario=def')).toEqual({ code: 'def', from: 'query' });
    expect(scenarioCode('#graph', '')).toBeNull();
  });

  it('builds links that work under any base path', () => {
    const here = 'https://u.github.io/course/playground/index.html?embed=1&x=2#s=old';
    expect(appBase(here)).toBe('https://u.github.io/course/playground/index.html');
    expect(shareLink(here, 'CODE')).toBe('https://u.github.io/course/playground/index.html#s=CODE');
    expect(shareLink(here, 'CODE', 'zh-CN')).toBe(
      'https://u.github.io/course/playground/index.html?lang=zh-CN#s=CODE',
    );
    expect(
      embedSnippet('https://a.example/p/', 'C_-1', { view: 'terminal', origin: 'https://docs.example' }),
    ).toBe(
      '<iframe src="https://a.example/p/?embed=1&amp;view=terminal&amp;origins=https%3A%2F%2Fdocs.example&amp;scenario=C_-1" title="Container Network Playground" width="960" height="600" style="border:1px solid #cbd5e1;border-radius:8px" loading="lazy" allow="clipboard-write"></iframe>',
    );
  });
});
