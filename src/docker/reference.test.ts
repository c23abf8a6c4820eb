/** distribution/reference: normalisation, familiar names, and the package's errors. */
import { describe, expect, it } from 'vitest';
import {
  familiarName,
  familiarString,
  parseAnyReference,
  parseNormalizedNamed,
  tagNameOnly,
} from './reference';

const fam = (s: string) => familiarString(tagNameOnly(parseNormalizedNamed(s)));

describe('image references', () => {
  it('normalises to docker.io/library and back to the familiar form', () => {
    expect(parseNormalizedNamed('busybox')).toEqual({
      domain: 'docker.io',
      path: 'library/busybox',
      tag: '',
      digest: '',
    });
    expect(fam('busybox')).toBe('busybox:latest');
    expect(fam('docker.io/library/nginx:1.27')).toBe('nginx:1.27');
    expect(fam('index.docker.io/nicolaka/netshoot')).toBe('nicolaka/netshoot:latest');
    expect(fam('localhost:5000/app')).toBe('localhost:5000/app:latest');
    expect(fam('Registry.example/app:v1')).toBe('Registry.example/app:v1');
    expect(familiarName(parseNormalizedNamed('docker.io/library/a/b'))).toBe('library/a/b');
    expect(parseAnyReference('a'.repeat(64))).toEqual({
      domain: '',
      path: '',
      tag: '',
      digest: `sha256:${'a'.repeat(64)}`,
    });
  });

  it("the package's errors", () => {
    const err = (s: string) => () => parseNormalizedNamed(s);
    expect(err('Busybox')).toThrow(
      'invalid reference format: repository name (library/Busybox) must be lowercase',
    );
    expect(err('a b')).toThrow(/^invalid reference format$/);
    expect(err('')).toThrow(/^invalid reference format$/);
    expect(err('busybox:')).toThrow(/^invalid reference format$/);
    expect(err('a'.repeat(64))).toThrow(
      `invalid repository name (${'a'.repeat(64)}), cannot specify 64-byte hexadecimal strings`,
    );
    expect(err('busybox@sha256:abc')).toThrow(/^invalid reference format$/);
    expect(err(`busybox@sha256:${'A'.repeat(64)}`)).toThrow('invalid checksum digest format');
    expect(err(`busybox@md5:${'a'.repeat(32)}`)).toThrow('unsupported digest algorithm');
    expect(err(`x/${'a'.repeat(260)}`)).toThrow('repository name must not be more than 255 characters');
  });
});
