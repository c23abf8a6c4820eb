import { describe, expect, it } from 'vitest';
import { TabWriter, tabwrite } from './tabwriter';

describe('tabwriter (the docker CLI settings)', () => {
  it('pads terminated cells to the widest of their column block plus 3, at least the minimum width', () => {
    expect(tabwrite('NAME\tIMAGE\tSTATUS\nweb\tnginx\tUp 5 seconds\n')).toBe(
      'NAME      IMAGE     STATUS\nweb       nginx     Up 5 seconds\n',
    );
    expect(tabwrite('NAME\tIMAGE\tSTATUS\nweb\tnginx\tUp 5 seconds\n', 20)).toBe(
      'NAME                IMAGE               STATUS\nweb                 nginx               Up 5 seconds\n',
    );
  });

  it('ends a column block at a line without that column, and leaves the last cell unpadded', () => {
    expect(tabwrite('a\tb\tc\nlonger cell\tx\n\ty\tz\tw\nlast\n')).toBe(
      'a             b         c\nlonger cell   x\n              y         z         w\nlast\n',
    );
  });

  it('counts runes, not UTF-16 units', () => {
    expect(tabwrite('😀😀\tx\nab\ty')).toBe('😀😀        x\nab        y');
  });

  it('cuts text written in pieces as it would the whole (a cell or a surrogate pair split between writes)', () => {
    const text = 'ID\tNAME\tSTATUS\n😀x\tweb\tUp 5 seconds\n\tdb\t\nlast\tcell\t';
    const whole = tabwrite(text);
    for (let size = 1; size <= 7; size++) {
      const w = new TabWriter();
      for (let i = 0; i < text.length; i += size) w.write(text.slice(i, i + size));
      expect(w.flush()).toBe(whole);
    }
    expect(whole).toBe(
      'ID        NAME      STATUS\n😀x        web       Up 5 seconds\n          db        \nlast      cell      ',
    );
  });

  it('ends with a newline when the text did, and starts again empty after a flush', () => {
    const w = new TabWriter();
    w.write('a\tb\n');
    expect(w.flush()).toBe('a         b\n');
    w.write('c');
    expect(w.flush()).toBe('c');
  });
});
