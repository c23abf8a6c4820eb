/**
 * The seed article's four modes (none, a user bridge network, host, container:), typed the way a student
 * would, with a layout like the UI keeps: the share-link codec's test case, and `npm run bench`'s share URL.
 */
import type { JournalEntry } from '../simulation';
import type { ScenarioDoc } from './scenario';

const line = (terminal: string, l: string): JournalEntry => ({ kind: 'line', terminal, line: l });

export const FOUR_MODES: ScenarioDoc = {
  v: 3,
  seed: 1,
  journal: [
    line('t1', 'docker network create mynet'),
    { kind: 'line', terminal: 't1', line: 'docker run --net=none -it busybox', opened: ['t2'] },
    line('t2', 'ifconfig'),
    line('t2', 'route -n'),
    { kind: 'close', terminal: 't2' },
    { kind: 'line', terminal: 't1', line: 'docker run -it --network mynet busybox', opened: ['t3'] },
    line('t3', 'ifconfig'),
    line('t3', 'route -n'),
    { kind: 'close', terminal: 't3' },
    { kind: 'line', terminal: 't1', line: 'docker run -it --net=host busybox', opened: ['t4'] },
    line('t4', 'ip a'),
    { kind: 'close', terminal: 't4' },
    line('t1', 'docker run -d --name my-nginx1 nginx'),
    line('t1', 'docker run -d --name my-nginx2 --network container:my-nginx1 nginx'),
    { kind: 'line', terminal: 't1', line: 'docker exec -it my-nginx2 sh', opened: ['t5'] },
    line('t5', 'curl http://localhost'),
    { kind: 'line', terminal: 't5', line: 'ping 8.8.8.8', interrupt: 4 },
    line('t1', 'docker ps'),
    line('t1', 'ip a'),
  ],
  layout: {
    pos: {
      'ns:1': { x: 0, y: 0 },
      'ns:2': { x: -260, y: 40 },
      'ns:3': { x: -260, y: -150 },
      'ns:4': { x: 16, y: -300 },
      'ns:5': { x: 486, y: -300 },
      'ns:6': { x: 251, y: -300 },
      'ns:7': { x: 721, y: -300 },
      'ns:8': { x: 412.5, y: -515.25 },
    },
    pinned: { 'ns:8': true },
    slots: {
      'ns:4': { col: 0, sub: 0, row: 0, span: 1 },
      'ns:5': { col: 1, sub: 0, row: 0, span: 1 },
      'ns:6': { col: 0, sub: 1, row: 0, span: 1 },
      'ns:7': { col: 1, sub: 1, row: 0, span: 1 },
    },
    bridgeCol: { d7: 1, d12: 2 },
  },
  active: 't1',
};
