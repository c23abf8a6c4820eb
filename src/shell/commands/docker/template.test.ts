import { describe, expect, it } from 'vitest';
import { execTemplate } from './template';

const row = { ID: 'abc', Nested: { Name: 'web', List: ['a', 'b'] }, Empty: '' };

describe('Go templates', () => {
  it('reads lone field chains, nested ones, and gives <nil> for a missing key', () => {
    expect(execTemplate('{{.ID}}\t{{.Nested.Name}}|{{.Missing}}', row)).toBe('abc\tweb|<nil>');
  });

  it('finds only the data own fields, not those of Object.prototype', () => {
    expect(execTemplate('{{.constructor}} {{.toString}} {{.__proto__}}', row)).toBe('<nil> <nil> <nil>');
    expect(execTemplate('{{index . "constructor"}}', {})).toBe('<nil>');
  });

  it('still runs pipelines, functions and variables on the same data', () => {
    expect(execTemplate('{{.Nested.Name | upper}} {{join .Nested.List ","}} {{$.ID}}', row)).toBe(
      'WEB a,b abc',
    );
    expect(
      execTemplate('{{if .Empty}}x{{else}}{{.ID}}{{end}}{{range .Nested.List}}[{{.}}]{{end}}', row),
    ).toBe('abc[a][b]');
    expect(() => execTemplate('{{.ID.Len}}', row)).toThrow("can't evaluate field Len in type string");
  });
});
