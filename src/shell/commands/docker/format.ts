/**
 * cli/command/formatter (formatter.go Context.Write): `--format` handling shared by ps, images and network ls:
 * "table" (default columns), "table TEMPLATE" (a header row, then rows, through the tabwriter), "json"
 * ({{json .}} per row) or a plain template (one line per row).
 *
 * The template is parsed before any row (a parse error is reported with no rows too), then executed on each
 * row's context, a struct of methods (*formatter.ContainerContext...): a field it lacks is an execution error.
 * Errors print "template parsing error: ..." and nothing of the table. A table's header row is executed last,
 * on the map of column titles (SubHeaderContext) with templates.HeaderFunctions: an unknown field there is
 * "<no value>", and its errors are ignored (postFormat drops Execute's error, keeping what was written).
 */
import { goStringCompare, type GoJson } from './gojson';
import { TabWriter } from './tabwriter';
import { TemplateError, checkTemplate, execTemplate, runTemplate, templateFields } from './template';
import { isObject, mapOf, STRING, struct, type GoMethod, type GoType } from './template_values';

/** A formatter's row context: its Go type's name and its columns' titles, one per method a row has. */
export interface RowContext {
  /** As Go's errors name it: "*formatter.ContainerContext", "*network.networkContext". */
  type: string;
  /** Field -> column title (the context's SubHeaderContext); its keys are the row's fields. */
  headers: Record<string, string>;
  /** Methods with arguments (`Label(name string) string`); they read an unexported field of the row. */
  methods?: Readonly<Record<string, GoMethod>>;
  /** The context struct's unexported fields (`trunc`, `c`): a template naming one is an error. */
  unexported?: readonly string[];
}

const HEADER_MAP = mapOf('formatter.SubHeaderContext');

/** The closed struct a row is: only the context's methods are fields. */
function rowType(ctx: RowContext): GoType {
  const t = struct(ctx.type, Object.fromEntries(Object.keys(ctx.headers).map((k) => [k, STRING])), false);
  if (t.kind !== 'struct') return t;
  return {
    ...t,
    ...(ctx.methods ? { methods: ctx.methods } : {}),
    ...(ctx.unexported ? { unexported: ctx.unexported } : {}),
  };
}

/**
 * A formatter context's `Label(name string) string` (formatter/container.go, network/formatter.go): the value
 * of a label of the object, "" when it has none. The row carries the object (its Labels) as the unexported
 * field `field` (`c`, `n`) the Go method reads.
 */
export function labelMethod(field: string): GoMethod {
  return {
    params: [STRING],
    result: STRING,
    call(recv, [name]) {
      const obj = recv[field];
      const labels = isObject(obj) ? obj['Labels'] : undefined;
      return isObject(labels) && typeof name === 'string' && Object.hasOwn(labels, name)
        ? (labels[name] as GoJson)
        : '';
    },
  };
}

/**
 * formatter's Labels(): "k=v" joined by commas. Go ranges over the map in random order; we print the keys
 * sorted, so that the same container always prints the same line.
 */
export function labelsText(labels: Readonly<Record<string, string>>): string {
  return Object.keys(labels)
    .sort(goStringCompare)
    .map((k) => `${k}=${labels[k] as string}`)
    .join(',');
}

/**
 * The template a format runs per row, and whether it is a table (formatter.go preFormat: "table" stripped,
 * "json" is {{json .}}, spaces trimmed at both ends, \t and \n written as escapes made real).
 */
function rowTemplate(format: string, defaultTable: string): { src: string; table: boolean } {
  let f = format === '' || format === 'table' ? defaultTable : format;
  const table = f.startsWith('table');
  if (table) f = f.slice('table'.length);
  else if (f === 'json') f = '{{json .}}';
  return {
    src: f
      .replace(/^ +| +$/g, '')
      .replace(/\\t/g, '\t')
      .replace(/\\n/g, '\n'),
    table,
  };
}

/**
 * The row fields a format reads (null: any), so that a command builds only those for each row. A template
 * that does not parse reads "any": rendering reports its error.
 */
export function rowFields(format: string, defaultTable: string): ReadonlySet<string> | null {
  try {
    return templateFields(rowTemplate(format, defaultTable).src);
  } catch (e) {
    if (e instanceof TemplateError) return null;
    throw e;
  }
}

/**
 * `docker ps` checks a --format before listing (container/list.go buildContainerListOptions): the format as
 * typed ("table " and "\t" escapes included, so columns count them) is parsed, then executed on an empty
 * container context. Its errors say "failed to parse template" / "failed to execute template".
 */
export function precheckFormat(format: string, ctx: RowContext): void {
  const wrapped = (e: unknown, wrap: string): unknown => {
    if (e instanceof TemplateError) e.wrap = wrap;
    return e;
  };
  try {
    checkTemplate(format);
  } catch (e) {
    throw wrapped(e, 'failed to parse template');
  }
  const empty = Object.fromEntries(Object.keys(ctx.headers).map((k) => [k, '']));
  const { error } = runTemplate(format, empty, { type: rowType(ctx) });
  if (error) throw wrapped(error, 'failed to execute template');
}

/**
 * The rows of `items` through the format. Each row is made (`row`) just before it is executed and dropped
 * after, as the CLI's formatter makes a context per container: a thousand rows made first stayed alive through
 * the rendering, for the garbage collector to copy.
 */
export function renderRows<T>(
  format: string,
  defaultTable: string,
  ctx: RowContext,
  items: readonly T[],
  row: (item: T) => GoJson,
): string {
  const { src: f, table } = rowTemplate(format, defaultTable);
  checkTemplate(f);
  const type = rowType(ctx);
  if (!table) {
    let body = '';
    for (const it of items) body += `${execTemplate(f, row(it), { type })}\n`;
    return body;
  }
  // The CLI's formatter writes the header and then each row to its tabwriter, which cuts them into cells as
  // they come: no table-sized body to split again.
  const tw = new TabWriter();
  tw.write(`${runTemplate(f, ctx.headers, { type: HEADER_MAP, header: true }).out}\n`);
  for (const it of items) {
    tw.write(execTemplate(f, row(it), { type }));
    tw.write('\n');
  }
  return tw.flush();
}
