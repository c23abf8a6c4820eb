import { describe, expect, it } from 'vitest';
import { tabwrite } from './tabwriter';

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
});
