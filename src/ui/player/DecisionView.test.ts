import { describe, expect, it } from 'vitest';
import { rowWindow } from './DecisionView';

describe('the deciding table folded around its row', () => {
  it('shows short tables whole, long ones as five rows around the deciding one', () => {
    expect(rowWindow(5, 4, false)).toEqual([0, 5]);
    expect(rowWindow(7, 6, false)).toEqual([2, 7]);
    expect(rowWindow(12, 0, false)).toEqual([0, 5]);
    expect(rowWindow(12, 6, false)).toEqual([4, 9]);
    expect(rowWindow(12, 11, false)).toEqual([7, 12]);
    expect(rowWindow(12, -1, false)).toEqual([0, 12]);
    expect(rowWindow(12, 6, true)).toEqual([0, 12]);
  });
});
