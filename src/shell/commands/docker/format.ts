/**
 * cli/command/formatter: `--format` handling shared by ps, images and network ls: "table" (default columns),
 * "table TEMPLATE" (a header row from the columns' names, then rows, through the tabwriter), "json" ({{json .}}
 * per row) or a plain template (one line per row). Rendering errors print the template error, exit 1.
 */
import type { GoJson } from './gojson';
import { tabwrite } from './tabwriter';
import { execTemplate } from './template';

export function renderRows(
  format: string,
  defaultTable: string,
  headers: Record<string, string>,
  rows: GoJson[],
): string {
  let f = format === '' ? defaultTable : format;
  if (f === 'json') f = '{{json .}}';
  const table = f.startsWith('table');
  if (table)
    f = f === 'table' ? defaultTable.slice('table'.length).trimStart() : f.slice('table'.length).trimStart();
  f = f.replace(/\\t/g, '\t').replace(/\\n/g, '\n');
  let out = '';
  if (table) out += `${execTemplate(f, headers as GoJson)}\n`;
  for (const r of rows) out += `${execTemplate(f, r)}\n`;
  return table ? tabwrite(out) : out;
}
