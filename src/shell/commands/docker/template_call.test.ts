/** Methods with arguments, as text/template calls them (exec.go evalField -> evalCall, evalArg, validateType). */
import { describe, expect, it } from 'vitest';
import { labelMethod } from './format';
import { execTemplate, TemplateError } from './template';
import { closedStruct, STRING, type GoType } from './template_values';

const base = closedStruct('*formatter.ContainerContext', { ID: STRING, Names: STRING });
const CTX: GoType =
  base.kind === 'struct' ? { ...base, methods: { Label: labelMethod('c') }, unexported: ['c'] } : base;
const row = { ID: 'abc', Names: 'web', c: { Labels: { app: 'shop', web: 'yes', tier: '' } } };

function run(src: string): string {
  try {
    return execTemplate(src, row, { type: CTX });
  } catch (e) {
    if (e instanceof TemplateError) return e.goText();
    throw e;
  }
}

describe('template methods with arguments', () => {
  it('calls a method with literal, field, variable, pipeline and piped-in arguments', () => {
    expect(run('{{.Label "app"}}|{{.Label `tier`}}|{{.Label "none"}}|{{.Label .Names}}')).toBe('shop|||yes');
    expect(run('{{$k := "app"}}{{.Label $k}} {{$.Label "app"}} {{.Label (print "a" "pp")}}')).toBe(
      'shop shop shop',
    );
    expect(run('{{"app" | .Label}} {{.Names | .Label | printf "%q"}}')).toBe('shop "yes"');
    expect(run('{{if eq (.Label "app") "shop"}}yes{{end}} {{with .Label "app"}}{{.}}{{end}}')).toBe(
      'yes shop',
    );
  });

  it('counts arguments first, at the method node: bare, too many, or an argument plus a piped value', () => {
    expect(run('{{.Label}}')).toBe(
      'template: :1:2: executing "" at <.Label>: wrong number of args for Label: want 1 got 0',
    );
    expect(run('x {{.Label "a" "b"}}')).toBe(
      'template: :1:4: executing "" at <.Label>: wrong number of args for Label: want 1 got 2',
    );
    expect(run('{{"a" | .Label "b"}}')).toBe(
      'template: :1:8: executing "" at <.Label>: wrong number of args for Label: want 1 got 2',
    );
    // A method named inside a chain is called with none.
    expect(run('{{$.Label}}')).toBe(
      'template: :1:3: executing "" at <$.Label>: wrong number of args for Label: want 1 got 0',
    );
    // An argument that is itself the bare method.
    expect(run('{{.Label .Label}}')).toBe(
      'template: :1:9: executing "" at <.Label>: wrong number of args for Label: want 1 got 0',
    );
  });

  it('checks each argument against the parameter type, at the argument', () => {
    expect(run('{{.Label 1}}')).toBe('template: :1:9: executing "" at <1>: expected string; found 1');
    expect(run('{{.Label true}}')).toBe(
      'template: :1:9: executing "" at <true>: expected string; found true',
    );
    expect(run('{{.Label nil}}')).toBe('template: :1:9: executing "" at <nil>: cannot assign nil to string');
    expect(run('{{.Label .}}')).toBe(
      'template: :1:9: executing "" at <.>: wrong type for value; expected string; got *formatter.ContainerContext',
    );
    expect(run('{{.Label .Foo}}')).toBe(
      'template: :1:9: executing "" at <.Foo>: can\'t evaluate field Foo in type *formatter.ContainerContext',
    );
    // Located where evaluating the pipeline ended (its last node), as Go's state moves along.
    expect(run('{{.Label (len "ab")}}')).toBe(
      'template: :1:14: executing "" at <"ab">: wrong type for value; expected string; got int',
    );
    // A piped value of another type: checked after the arguments, at the method.
    expect(run('{{1 | .Label}}')).toBe(
      'template: :1:6: executing "" at <.Label>: wrong type for value; expected string; got int',
    );
  });

  it('keeps the unexported field it reads out of templates and out of json', () => {
    expect(run('{{.c}}')).toBe(
      'template: :1:2: executing "" at <.c>: c is an unexported field of struct type *formatter.ContainerContext',
    );
    expect(run('{{json .}}')).toBe('{"ID":"abc","Names":"web"}');
    expect(run('{{.}}')).toBe('{abc web}');
  });
});
