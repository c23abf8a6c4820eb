/**
 * Carries out a parsed iptables command against the namespace's tables (iptables/xtables.c do_command and
 * nft-cmd.c): checks the kernel would make (the table exists, the chain exists, the target chain exists),
 * then the nf_tables change, with nft_strerror()'s messages for what the kernel refuses.
 */
import {
  isBuiltinChain,
  nfAppendRule,
  nfCheckRule,
  nfDeleteChain,
  nfDeleteRule,
  nfDeleteRuleNum,
  nfFlush,
  nfInsertRule,
  nfListChains,
  nfNewChain,
  nfRenameChain,
  nfReplaceRule,
  nfRuleInvalid,
  nfSetPolicy,
  nfTable,
  nfZeroCounters,
  type KernelCtx,
  type KResult,
  type NfTableName,
} from '../../../kernel';
import type { CommandIO } from '../../types';
import { permitted } from '../../capability';
import { XT_PROG, XtError, genIdRefused } from './errors';
import { listRulesTable, listTable } from './list';
import { CMD, TABLES } from './options';
import type { XtParsed } from './parse';

/** nft_strerror() for the errno a command got back. */
function failure(res: KResult<unknown>, what: Record<string, string>): void {
  if (res.ok) return;
  const msg = what[res.error.errno] ?? 'No chain/target/match by that name';
  throw XtError.strerror(msg);
}

const BAD_RULE = 'Bad rule (does a matching rule exist in that chain?)';

export function runParsed(io: CommandIO, p: XtParsed): number {
  if (!(TABLES as readonly string[]).includes(p.table))
    throw XtError.version(`table '${p.table}' does not exist`);
  const table = p.table as NfTableName;
  // The first nfnetlink message (NFT_MSG_GETGEN, nft_rebuild_cache) is refused without CAP_NET_ADMIN.
  if (!permitted(io.proc, 'nfnetlink')) throw genIdRefused(XT_PROG);
  const ns = io.proc.ns;
  const chain = p.chain ?? '';
  const k = io.os.state.kernel;
  const t = nfTable(k, ns, table);
  const exists = (name: string): boolean =>
    isBuiltinChain(table, name) || (t?.chains.some((c) => c.name === name && !c.builtin) ?? false);
  const instantiated = (name: string): boolean => t?.chains.some((c) => c.name === name) ?? false;

  if (p.jumpChain !== null && !(t?.chains.some((c) => c.name === p.jumpChain && !c.builtin) ?? false)) {
    // A jump to a base chain gets as far as the kernel, which refuses it.
    if (!isBuiltinChain(table, p.jumpChain)) throw XtError.param(`Chain '${p.jumpChain}' does not exist`);
    const op =
      p.command & CMD.INSERT ? 'RULE_INSERT' : p.command & CMD.REPLACE ? 'RULE_REPLACE' : 'RULE_APPEND';
    if (p.command & (CMD.APPEND | CMD.INSERT | CMD.REPLACE))
      throw XtError.batch(op, 'EOPNOTSUPP', `rule in chain ${chain}`);
  }

  const c = p.command;
  if (c & (CMD.LIST | CMD.LIST_RULES)) {
    if (p.chain !== null && !exists(p.chain))
      throw XtError.other(`chain \`${p.chain}' in table \`${table}' is incompatible, use 'nft' tool.`);
    if (c & CMD.LIST) io.out(listTable(t, table, p.chain, p.rulenum, p));
    else io.out(listRulesTable(t, table, p.chain, p.rulenum, p.verbose));
    if (c & (CMD.ZERO | CMD.ZERO_NUM)) {
      // -L -Z: the listing shows the counters before they are zeroed; -v names every chain listed.
      if (p.verbose)
        for (const ch of nfListChains(t, table))
          if (p.chain === null || ch.name === p.chain) io.out(`Zeroing chain \`${ch.name}'\n`);
      io.os.mutate(({ kctx }) => nfZeroCounters(kctx, ns, table, p.chain));
    }
    return 0;
  }

  const mutate = io.os.mutate.bind(io.os);
  type Spec = (typeof p.rules)[number];
  const ruleOp = (
    op: string,
    fn: (kctx: KernelCtx, spec: Spec) => KResult<void>,
    msgs: Record<string, string>,
  ): void => {
    for (const spec of p.rules) {
      const bad = nfRuleInvalid(io.os.state.kernel, ns, table, chain, spec);
      if (bad) throw XtError.batch(op, bad, `rule in chain ${chain}`);
      failure(
        mutate(({ kctx }) => fn(kctx, spec)),
        msgs,
      );
    }
  };

  switch (c) {
    case CMD.APPEND:
      ruleOp('RULE_APPEND', (kctx, r) => nfAppendRule(kctx, ns, table, chain, r, p.counters), {});
      return 0;
    case CMD.INSERT:
      ruleOp(
        'RULE_INSERT',
        (kctx, r) => nfInsertRule(kctx, ns, table, chain, p.rulenum ?? 1, r, p.counters),
        {
          E2BIG: 'Index of insertion too big',
        },
      );
      return 0;
    case CMD.REPLACE:
      if (!instantiated(chain)) throw XtError.strerror('No chain/target/match by that name');
      ruleOp(
        'RULE_REPLACE',
        (kctx, r) => nfReplaceRule(kctx, ns, table, chain, p.rulenum ?? 1, r, p.counters),
        {
          E2BIG: 'Index of replacement too big',
        },
      );
      return 0;
    case CMD.DELETE:
      for (const r of p.rules)
        failure(
          mutate(({ kctx }) => nfDeleteRule(kctx, ns, table, chain, r)),
          { ENOENT: BAD_RULE },
        );
      return 0;
    case CMD.DELETE_NUM:
      failure(
        mutate(({ kctx }) => nfDeleteRuleNum(kctx, ns, table, chain, p.rulenum ?? 1)),
        {
          E2BIG: 'Index of deletion too big',
        },
      );
      return 0;
    case CMD.CHECK:
      for (const r of p.rules) failure(nfCheckRule(k, ns, table, chain, r), { ENOENT: BAD_RULE });
      return 0;
    case CMD.FLUSH:
      failure(
        mutate(({ kctx }) => nfFlush(kctx, ns, table, p.chain)),
        {},
      );
      return 0;
    case CMD.ZERO:
      if (p.verbose) {
        // nft_chain_zero_counters: each existing chain is named; without the table the first built-in
        // chain's update fails in the kernel.
        if (!t)
          throw XtError.batch('CHAIN_ZERO', 'ENOENT', `chain ${nfListChains(null, table)[0]?.name ?? ''}`);
        const named = nfListChains(t, table).filter(
          (ch) => instantiated(ch.name) && (p.chain === null || ch.name === p.chain),
        );
        for (const ch of named) io.out(`Zeroing chain \`${ch.name}'\n`);
      }
      failure(
        mutate(({ kctx }) => nfZeroCounters(kctx, ns, table, p.chain)),
        {},
      );
      return 0;
    case CMD.ZERO_NUM:
      if (!instantiated(chain)) throw XtError.strerror(BAD_RULE);
      failure(
        mutate(({ kctx }) => nfZeroCounters(kctx, ns, table, p.chain, p.rulenum)),
        {},
      );
      return 0;
    case CMD.NEW_CHAIN:
      failure(
        mutate(({ kctx }) => nfNewChain(kctx, ns, table, chain)),
        { EEXIST: 'Chain already exists' },
      );
      return 0;
    case CMD.DELETE_CHAIN: {
      const res = mutate(({ kctx }) => nfDeleteChain(kctx, ns, table, p.chain));
      if (!res.ok && res.error.errno === 'EBUSY')
        throw XtError.batch('CHAIN_DEL', 'EBUSY', `chain ${res.error.extack ?? chain}`);
      failure(res, {});
      return 0;
    }
    case CMD.RENAME_CHAIN:
      failure(
        mutate(({ kctx }) => nfRenameChain(kctx, ns, table, chain, p.newName ?? '')),
        { EEXIST: 'File exists' },
      );
      return 0;
    case CMD.SET_POLICY: {
      if (!isBuiltinChain(table, chain)) throw XtError.strerror('Bad built-in chain name');
      const pol = p.policy;
      if (pol !== 'ACCEPT' && pol !== 'DROP')
        throw XtError.strerror("Bad policy name. Run `dmesg' for more information");
      failure(
        mutate(({ kctx }) => nfSetPolicy(kctx, ns, table, chain, pol)),
        {},
      );
      return 0;
    }
    default:
      throw XtError.param('no command specified');
  }
}
