/**
 * text/template's errors as the docker CLI prints them. A parse error knows its line
 * ("template: :1: unclosed action", parse.go Tree.errorf); an execution error knows the node it happened at
 * (exec.go state.errorf + parse.go ErrorContext): "template: :LINE:COL: executing "" at <CONTEXT>: ...", where
 * COL is the node's byte offset in its line and CONTEXT the node as written, never truncated since Go 1.12.
 * The template's name is "" (docker/cli templates.Parse). `wrap` is what the CLI puts in front: formatter.go
 * and inspector.go say "template parsing error", container/list.go "failed to parse/execute template".
 */
export class TemplateError extends Error {
  line = 1;
  /** Execution errors: the column and the context; null for a parse error. */
  col = 0;
  context: string | null = null;
  wrap = 'template parsing error';
  /** The template's name: "" from templates.Parse, "version" for `docker version` (version.go). */
  tmplName = '';

  goText(): string {
    if (this.context === null) return `template: ${this.tmplName}:${this.line}: ${this.message}`;
    return `template: ${this.tmplName}:${this.line}:${this.col}: executing "${this.tmplName}" at <${this.context}>: ${this.message}`;
  }

  /** The line the CLI prints (stderr): "<wrap>: template: ...". */
  cliText(): string {
    return `${this.wrap}: ${this.goText()}`;
  }
}
