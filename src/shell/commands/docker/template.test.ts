import { describe, expect, it } from 'vitest';
import { checkTemplate, execTemplate, runTemplate, TemplateError } from './template';
import { closedStruct, mapOf, pointer, STRING, struct } from './template_values';

const row = { ID: 'abc', Nested: { Name: 'web', List: ['a', 'b'] }, Empty: '', Nil: null };

/** The CLI's line for what `src` does on `data` (text/template's wording, docker's "template parsing error"). */
function errorOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof TemplateError) return e.cliText();
    throw e;
  }
  return 'no error';
}

const CTX = struct('*formatter.ContainerContext', { ID: STRING, Names: STRING }, false);

describe('Go templates on JSON decoded into interface{} (maps)', () => {
  it('reads field chains; a missing key is <no value>, a JSON null too (evalPipeline digs interface{})', () => {
    expect(execTemplate('{{.ID}}\t{{.Nested.Name}}|{{.Missing}}|{{.Missing.Deeper}}|{{.Nil}}', row)).toBe(
      'abc\tweb|<no value>|<no value>|<no value>',
    );
  });

  it('finds only the data own keys, not those of Object.prototype', () => {
    expect(execTemplate('{{.constructor}} {{.toString}} {{.__proto__}}', row)).toBe(
      '<no value> <no value> <no value>',
    );
    expect(execTemplate('{{index . "constructor"}}', {})).toBe('<no value>');
  });

  it('still runs pipelines, functions and variables on the same data', () => {
    expect(execTemplate('{{.Nested.Name | upper}} {{join .Nested.List ","}} {{$.ID}}', row)).toBe(
      'WEB a,b abc',
    );
    expect(
      execTemplate('{{if .Empty}}x{{else}}{{.ID}}{{end}}{{range .Nested.List}}[{{.}}]{{end}}', row),
    ).toBe('abc[a][b]');
    // Decoded JSON is a map[string]interface{}: json writes its keys sorted.
    expect(execTemplate('{{json .Nested}} {{json "a<b"}}', row)).toBe(
      '{"List":["a","b"],"Name":"web"} "a<b"',
    );
  });

  it('slice and comparisons as funcs.go has them', () => {
    expect(
      execTemplate(
        '{{slice .ID 1}} {{slice .ID 0 2}} {{slice .Nested.List 1}} {{lt 1 2}} {{ge "a" "b"}}',
        row,
      ),
    ).toBe('bc ab [b] true false');
    expect(errorOf(() => execTemplate('{{slice .ID 0 5}}', row))).toBe(
      'template parsing error: template: :1:2: executing "" at <slice .ID 0 5>: error calling slice: index out of range: 5',
    );
    expect(errorOf(() => execTemplate('{{slice .ID 2 1}}', row))).toBe(
      'template parsing error: template: :1:2: executing "" at <slice .ID 2 1>: error calling slice: invalid slice index: 2 > 1',
    );
  });

  it('with missingkey=error: "map has no entry", a field of null "nil pointer evaluating"', () => {
    const opts = { missingKeyError: true };
    expect(errorOf(() => execTemplate('{{.Foo}}', row, opts))).toBe(
      'template parsing error: template: :1:2: executing "" at <.Foo>: map has no entry for key "Foo"',
    );
    expect(errorOf(() => execTemplate('x {{.Nested.Nope}}', row, opts))).toBe(
      'template parsing error: template: :1:11: executing "" at <.Nested.Nope>: map has no entry for key "Nope"',
    );
    expect(errorOf(() => execTemplate('{{.Nil.X}}', row, opts))).toBe(
      'template parsing error: template: :1:6: executing "" at <.Nil.X>: nil pointer evaluating interface {}.X',
    );
  });

  it('places a chain error at its second field and names the whole chain, never cut short (Go >= 1.12)', () => {
    expect(errorOf(() => execTemplate('{{.ID.Len}}', row))).toBe(
      'template parsing error: template: :1:5: executing "" at <.ID.Len>: can\'t evaluate field Len in type interface {}',
    );
    expect(errorOf(() => execTemplate('{{.Nested.Name.Very.Long.Chain}}', row))).toBe(
      'template parsing error: template: :1:9: executing "" at <.Nested.Name.Very.Long.Chain>: can\'t evaluate field Very in type interface {}',
    );
    // Lines and columns count from the line's start, in bytes.
    expect(errorOf(() => execTemplate('é {{.ID.X}}', row))).toBe(
      'template parsing error: template: :1:8: executing "" at <.ID.X>: can\'t evaluate field X in type interface {}',
    );
    expect(errorOf(() => execTemplate('{{.ID}}\n  {{.ID.X}}', row))).toBe(
      'template parsing error: template: :2:7: executing "" at <.ID.X>: can\'t evaluate field X in type interface {}',
    );
  });
});

describe('Go templates on typed values', () => {
  it('a struct has only its fields: an unknown one is an error naming the type', () => {
    expect(execTemplate('{{.ID}}', { ID: 'abc', Names: 'web' }, { type: CTX })).toBe('abc');
    expect(errorOf(() => execTemplate('{{.Names}} {{.Foo}}', { ID: '', Names: '' }, { type: CTX }))).toBe(
      'template parsing error: template: :1:13: executing "" at <.Foo>: can\'t evaluate field Foo in type *formatter.ContainerContext',
    );
    expect(errorOf(() => execTemplate('{{.ID.Len}}', { ID: '', Names: '' }, { type: CTX }))).toBe(
      'template parsing error: template: :1:5: executing "" at <.ID.Len>: can\'t evaluate field Len in type string',
    );
    expect(errorOf(() => execTemplate('{{index . "ID"}}', { ID: '', Names: '' }, { type: CTX }))).toBe(
      'template parsing error: template: :1:2: executing "" at <index . "ID">: error calling index: can\'t index item of type formatter.ContainerContext',
    );
  });

  it('arguments to a field: a method wants none, a map key or struct field cannot be called; len of a struct fails', () => {
    const ctx = { ID: '', Names: '' };
    expect(errorOf(() => execTemplate('{{.Names "x"}}', ctx, { type: CTX }))).toBe(
      'template parsing error: template: :1:2: executing "" at <.Names>: wrong number of args for Names: want 0 got 1',
    );
    expect(errorOf(() => execTemplate('{{"a" | .Nested.Name}}', row))).toBe(
      'template parsing error: template: :1:15: executing "" at <.Nested.Name>: Name is not a method but has arguments',
    );
    expect(errorOf(() => execTemplate('{{len .}}', ctx, { type: CTX }))).toBe(
      'template parsing error: template: :1:2: executing "" at <len .>: error calling len: len of type *formatter.ContainerContext',
    );
  });

  it('a typed map answers a missing key with <no value>, a nil map prints map[]', () => {
    const t = struct('T', { Labels: mapOf('map[string]string') });
    expect(
      execTemplate('{{.Labels.nokey}}|{{.Labels}}|{{index .Labels "x"}}|', { Labels: null }, { type: t }),
    ).toBe('<no value>|map[]||');
  });

  it('prints structs as fmt does: fields in order, zero values for the ones JSON omits; print spaces non-strings', () => {
    const binding = closedStruct(
      'nat.PortBinding',
      { HostIP: STRING, HostPort: STRING },
      { HostIP: 'HostIp' },
    );
    const t = struct('T', { B: binding, P: pointer('*T'), S: struct('*S', { H: pointer('*H') }) });
    const data = { B: { HostIp: '::', HostPort: '80' }, S: { A: 1, B: 'x' } };
    expect(execTemplate('{{.B}}|{{.B.HostIP}}|{{.P}}|{{.S}}', data, { type: t })).toBe(
      '{:: 80}|::|<nil>|{1 x <nil>}',
    );
    expect(execTemplate('{{print .S.A .S.A .S.B}}|{{printf "%v %v" .S}}', data, { type: t })).toBe(
      '1 1x|&{1 x <nil>} %!v(MISSING)',
    );
  });

  it('a header row: column titles from a map, HeaderFunctions hand titles back, errors keep what was written', () => {
    const h = { type: mapOf('formatter.SubHeaderContext'), header: true };
    expect(execTemplate('{{.ID | lower}}\t{{.Foo}}', { ID: 'CONTAINER ID' }, h)).toBe(
      'CONTAINER ID\t<no value>',
    );
    const r = runTemplate('{{.ID}}\t{{json .}}\tafter', { ID: 'CONTAINER ID' }, h);
    expect(r.out).toBe('CONTAINER ID\t');
    expect(r.error?.message).toBe('wrong type for value; expected string; got formatter.SubHeaderContext');
  });
});

describe('Go template parse errors', () => {
  it('are found before anything runs, with the line only', () => {
    expect(errorOf(() => checkTemplate('{{.Name'))).toBe(
      'template parsing error: template: :1: unclosed action',
    );
    expect(errorOf(() => checkTemplate('{{.Name}}\n{{nosuch .}}'))).toBe(
      'template parsing error: template: :2: function "nosuch" not defined',
    );
    expect(errorOf(() => checkTemplate('{{$x.Name}}'))).toBe(
      'template parsing error: template: :1: undefined variable "$x"',
    );
    // A control's variables stay in scope through its {{else}} (parse.go parseControl).
    expect(execTemplate('{{with $x := .Empty}}a{{else}}[{{$x}}]{{end}}', row)).toBe('[]');
    expect(errorOf(() => checkTemplate('{{end}}'))).toBe(
      'template parsing error: template: :1: unexpected {{end}}',
    );
    expect(errorOf(() => execTemplate('{{nil}}', {}))).toBe(
      'template parsing error: template: :1:2: executing "" at <nil>: nil is not a command',
    );
  });
});
