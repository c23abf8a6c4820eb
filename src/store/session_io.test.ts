import { describe, expect, it } from 'vitest';
import { emptyLayout } from './layout';
import { layoutFromTree, layoutToTree } from './session_io';

describe('layout trees (share links and autosave)', () => {
  it('keep a bridge column that grew wider, with the boxes in its extra slots', () => {
    const l = emptyLayout();
    l.bridgeCol = { d7: 1, d9: 2 };
    l.colSubs = { 1: 2, 2: 4 };
    l.slots = { 'ns:a': { col: 2, sub: 3, row: 0, span: 1 }, 'ns:b': { col: 1, sub: 1, row: 2, span: 1 } };
    l.pos = { 'ns:a': { x: 10.4, y: 20.6 } } as typeof l.pos;
    const back = layoutFromTree(JSON.parse(JSON.stringify(layoutToTree(l))));
    expect(back.colSubs).toEqual({ 1: 2, 2: 4 });
    expect(back.slots).toEqual(l.slots);
    expect(back.bridgeCol).toEqual(l.bridgeCol);
    expect(back.pos['ns:a']).toEqual({ x: 10, y: 21 });
  });

  it('drop a slot outside its column instead of drawing a box where no column is', () => {
    const tree = { slots: { 'ns:a': { col: 1, sub: 5, row: 0, span: 1 } }, colSubs: { c1: 'wide' } };
    expect(layoutFromTree(tree as never).slots).toEqual({});
  });
});
