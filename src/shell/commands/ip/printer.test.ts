import { describe, expect, it } from 'vitest';
import { cfmt } from './cfmt';
import { Printer } from './printer';
import { bridgeIdText } from './link_details';

describe('cfmt (C printf subset)', () => {
  it('pads, truncates and converts like glibc', () => {
    expect(cfmt('%-16s ', 'eth0@if2')).toBe('eth0@if2         ');
    expect(cfmt('%-14s ', 'LOWERLAYERDOWN')).toBe('LOWERLAYERDOWN ');
    expect(cfmt('%4i.%.2i ', 191, 13)).toBe(' 191.13 ');
    expect(cfmt('%#x', 0x8001)).toBe('0x8001');
    expect(cfmt('%#x', 0)).toBe('0');
    expect(cfmt('%.2x%.2x', 0x80, 0)).toBe('8000');
    expect(cfmt('qlen %d', 1000)).toBe('qlen 1000');
    expect(cfmt('100%%')).toBe('100%');
  });
});

describe('Printer (json_writer + json_print)', () => {
  it('writes compact JSON with iproute2 key order and a final newline', () => {
    const p = new Printer({ json: true, pretty: false, oneline: false });
    p.newJsonObj();
    p.openObject();
    p.num('any', 'ifindex', '%d: ', 1);
    p.openArray('any', 'flags');
    p.string('any', null, '%s,', 'UP');
    p.closeArray('any', '> ');
    p.string('fp', null, 'text only', null);
    p.closeObject();
    p.deleteJsonObj();
    expect(p.take()).toBe('[{"ifindex":1,"flags":["UP"]}]\n');
  });

  it('pretty-prints as json_writer does: "[ {", four-space indents, "},{", " ]"', () => {
    const p = new Printer({ json: true, pretty: true, oneline: false });
    p.newJsonObj();
    for (const i of [1, 2]) {
      p.openObject();
      p.num('any', 'ifindex', null, i);
      p.openArray('json', 'flags');
      p.string('any', null, null, 'A');
      p.string('any', null, null, 'B');
      p.closeArray('json', null);
      p.closeObject();
    }
    p.deleteJsonObj();
    expect(p.take()).toBe(
      '[ {\n        "ifindex": 1,\n        "flags": [ "A","B" ]\n    },{\n        "ifindex": 2,\n        "flags": [ "A","B" ]\n    } ]\n',
    );
  });

  it('prints an empty dump as []', () => {
    const p = new Printer({ json: true, pretty: false, oneline: false });
    p.newJsonObj();
    p.deleteJsonObj();
    expect(p.take()).toBe('[]\n');
  });

  it('uses a backslash as line separator with -oneline', () => {
    const p = new Printer({ json: false, pretty: false, oneline: true });
    p.fp('1: lo:');
    p.nl();
    p.fp('    link/loopback');
    expect(p.take()).toBe('1: lo:\\    link/loopback');
  });
});

describe('bridge ids', () => {
  it('are br_dump_bridge_id(): priority in 4 hex digits, MAC bytes unpadded', () => {
    expect(bridgeIdText(0x8000, '02:42:5e:1c:7a:0b')).toBe('8000.2:42:5e:1c:7a:b');
  });
});
