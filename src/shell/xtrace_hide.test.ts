import { describe, expect, it } from 'vitest';
import { runLines } from '../cli/test_lines';
import { hideOwnTrace } from './xtrace_hide';

describe('set -x shows the commands bash would show, not the simulator’s hidden ones', () => {
  it('the write check and the lookup builtins’ names and listing stay out of the trace', async () => {
    const [r] = await runLines(['set -x; type ip; echo x > /tmp/y; command -v ip; hash; type -t cd']);
    // bash 5.2 prints the same trace lines (its stdout and stderr interleave; here each is whole).
    expect(r?.stderr).toBe('+ type ip\n+ echo x\n+ command -v ip\n+ hash\n+ type -t cd\n');
    expect(r?.stdout).toBe('ip is /usr/sbin/ip\n/usr/sbin/ip\nhash: hash table empty\nbuiltin\n');
  });

  it('keeps lines it does not know, and the prefix PS4 gave', () => {
    expect(hideOwnTrace('>> \u0001wrbegin\n>> echo x\n>> \u0001wrend 0 echo\n')).toBe('>> echo x\n');
    expect(hideOwnTrace("++ builtin alias\n++ \u0001type '' -t ip\n")).toBe('++ type -t ip\n');
    expect(hideOwnTrace('+ builtin alias\n+ echo x\n')).toBe('+ builtin alias\n+ echo x\n');
  });
});
