/**
 * A table "as the real command prints it": the command runs read-only through the simulator (the same module
 * the terminal runs), and its bytes are shown verbatim in a <pre>.
 */
import { useContext, useEffect, useState } from 'react';
import { useTranslation } from '../i18n';
import { useStore } from 'zustand';
import { StoreContext } from '../store_context';

export function RawOutput({ ns, line }: { ns: string; line: string }) {
  const store = useContext(StoreContext);
  const { t } = useTranslation();
  const world = useStore(store, (s) => s.world);
  const [out, setOut] = useState<{ key: string; text: string } | null>(null);
  const key = `${ns}|${line}`;
  useEffect(() => {
    let live = true;
    void store
      .getState()
      .query(ns, line)
      .then((r) => {
        if (live) setOut({ key, text: r.stdout + r.stderr });
      });
    return () => {
      live = false;
    };
  }, [store, ns, line, world, key]);
  return (
    <figure className="mt-1">
      <figcaption className="font-mono text-[11px] text-slate-600 dark:text-slate-400"># {line}</figcaption>
      <pre
        data-testid="raw-output"
        tabIndex={0}
        className="mt-0.5 max-h-72 overflow-auto rounded bg-slate-950 p-2 font-mono text-[11px] leading-snug whitespace-pre text-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600"
      >
        {out && out.key === key ? out.text : t('inspector.loading')}
      </pre>
    </figure>
  );
}
