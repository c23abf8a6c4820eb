/**
 * Characters a typed line never holds: C0 controls but tab, DEL, C1 controls, and the bidirectional
 * overrides that make text read differently from how it runs ("Trojan Source", CVE-2021-42574). A terminal
 * turns the controls into actions (escape sequences can retitle a window or write the clipboard), so lines
 * from a link, a file or a host page lose them before they are echoed or run, and the line editor never types them.
 */
/* eslint-disable no-control-regex -- matching control characters is the point */
export const CONTROL_CHARS =
  /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
/* eslint-enable no-control-regex */
const CONTROL_CHARS_G = new RegExp(CONTROL_CHARS.source, 'g');

export function stripControl(text: string): string {
  // Every line run goes through here and almost none holds one: a test allocates nothing, a replace does.
  return CONTROL_CHARS.test(text) ? text.replace(CONTROL_CHARS_G, '') : text;
}
