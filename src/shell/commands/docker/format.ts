/**
 * cli/command/formatter: `--format` handling shared by ps, images and network ls: "table" (default columns),
 * "table TEMPLATE" (a header row from the columns' names, then rows, through the tabwriter), "json" ({{json .}}
 * per row) or a plain template (one line per row). Rendering errors print the template error, exit 1.
 */
import type { GoJson } from './gojson';
import { tabwrite } from './tabwriter';
import { TemplateError, execTemplate, templateFields } from './template';

/** The template a format runs per row, and whether it is a table (header row, tabwriter). */
function rowTemplate(format: string, defaultTable: string): { src: string; table: boolean } {
  let f = format === '' ? defaultTable : format;
  if (f === 'json') f = '{{json .}}';
  const table = f.startsWith('table');
  if (table)
    f = f === 'table' ? defaultTable.slice('table'.length).trimStart() : f.slice('table'.length).trimStart();
  return { src: f.replace(/\\t/g, '\t').replace(/\\n/g, '\n'), table };
}

/**
 * The row fields a format reads (null: any), so that a command builds only those for each row. A template
 * that does not parse reads "any": rendering reports its error as before.
 */
export function rowFields(format: string, defaultTable: string): ReadonlySet<string> | null {
  try {
    return templateFields(rowTemplate(format, defaultTable).src);
  } catch (e) {
    if (e instanceof TemplateError) return null;
    throw e;
  }
}

export function renderRows(
  format: string,
  defaultTable: string,
  headers: Record<string, string>,
  rows: GoJson[],
): string {
  const { src: f, table } = rowTemplate(format, defaultTable);
  let out = '';
  if (table) out += `${execTemplate(f, headers as GoJson)}\n`;
  for (const r of rows) out += `${execTemplate(f, r)}\n`;
  return table ? tabwrite(out) : out;
}
