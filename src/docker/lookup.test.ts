import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { findContainer, tryFindContainer } from './lookup';
import type { DockerContainer, DockerState } from './state';
import { emptyDockerState } from './state';

const ID_A = 'a1b2c3'.padEnd(64, '0');
const ID_B = 'a1ffee'.padEnd(64, '1');
const ID_C = 'c0ffee'.padEnd(64, '2');

function state(): DockerState {
  const st = emptyDockerState();
  for (const [id, name] of [
    [ID_A, 'web'],
    [ID_B, 'db'],
    [ID_C, 'cache'],
  ] as const)
    st.containers[id] = { id, name } as DockerContainer;
  return st;
}

describe('findContainer (daemon.GetContainer)', () => {
  it('finds by full id, by name (with or without the leading slash), then by a unique id prefix', () => {
    const st = state();
    expect(findContainer(st, ID_B).name).toBe('db');
    expect(findContainer(st, 'web').id).toBe(ID_A);
    expect(findContainer(st, '/cache').id).toBe(ID_C);
    expect(findContainer(st, 'c0f').name).toBe('cache');
  });

  it('names win over id prefixes; an ambiguous prefix and an unknown term are the daemon errors', () => {
    const st = state();
    st.containers[ID_C] = { id: ID_C, name: 'a1' } as DockerContainer;
    expect(findContainer(st, 'a1').id).toBe(ID_C);
    expect(() => findContainer(state(), 'a1')).toThrow('Multiple IDs found with provided prefix: a1');
    expect(() => findContainer(state(), 'nope')).toThrow('No such container: nope');
    expect(tryFindContainer(state(), '')).toBeNull();
  });

  it('answers from the table as it is now after the name index was made (renamed, removed, added)', () => {
    const st = state();
    expect(findContainer(st, 'web').id).toBe(ID_A); // the index of this table is made here
    (st.containers[ID_A] as DockerContainer).name = 'old';
    expect(tryFindContainer(st, 'web')).toBeNull();
    expect(findContainer(st, 'old').id).toBe(ID_A);
    delete st.containers[ID_B];
    expect(tryFindContainer(st, 'db')).toBeNull();
    st.containers[ID_B] = { id: ID_B, name: 'web' } as DockerContainer;
    expect(findContainer(st, 'web').id).toBe(ID_B);
  });

  it('inside a transaction, sees what the transaction changed', () => {
    const base = state();
    expect(findContainer(base, 'db').id).toBe(ID_B);
    const next = produce(base, (d) => {
      expect(findContainer(d, 'db').id).toBe(ID_B);
      (d.containers[ID_B] as DockerContainer).name = 'db2';
      expect(tryFindContainer(d, 'db')).toBeNull();
      expect(findContainer(d, 'db2').id).toBe(ID_B);
    });
    expect(findContainer(next, 'db2').id).toBe(ID_B);
    expect(findContainer(base, 'db').id).toBe(ID_B);
  });
});
