/** Run container: name, image, network mode (with a picker for `container:`), ports; types `docker run …`. */
import { useContext, useState } from 'react';
import { useTranslation } from '../i18n';
import { useStore } from 'zustand';
import { StoreContext } from '../store_context';
import { BTN, BTN_PRIMARY, FIELD, LABEL, Modal } from './Modal';
import { runCommand, type RunForm } from './commands';

const IMAGES = ['nginx', 'busybox', 'alpine', 'nicolaka/netshoot', 'ubuntu'];

export function RunDialog({ onClose }: { onClose: () => void }) {
  const store = useContext(StoreContext);
  const { t } = useTranslation();
  const topo = useStore(store, (s) => s.topo);
  const running = Object.values(topo?.containers ?? {}).filter((c) => c.status === 'running');
  const userNets = (topo?.networks ?? []).filter((n) => !['bridge', 'host', 'none'].includes(n.name));
  const [f, setF] = useState<RunForm>({
    name: '',
    image: 'nginx',
    mode: 'bridge',
    network: '',
    target: '',
    ports: '',
    interactive: false,
  });
  const set = (p: Partial<RunForm>) => setF((o) => ({ ...o, ...p }));
  const target = f.target || running[0]?.name || '';
  const line = runCommand({ ...f, target });
  const blocked = f.mode === 'container' && !target;
  return (
    <Modal id="run" title={t('dialog.run.title')} onClose={onClose}>
      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          if (blocked) return;
          onClose();
          void store.getState().typeHost(line);
        }}
      >
        <div className="grid grid-cols-2 gap-3">
          <label className={LABEL}>
            {t('dialog.run.name')}
            <input
              className={FIELD}
              value={f.name}
              placeholder={t('dialog.run.namePh')}
              onChange={(e) => set({ name: e.target.value })}
              autoFocus
            />
          </label>
          <label className={LABEL}>
            {t('dialog.run.image')}
            <input
              className={FIELD}
              list="images"
              value={f.image}
              onChange={(e) => set({ image: e.target.value })}
            />
            <datalist id="images">
              {IMAGES.map((i) => (
                <option key={i} value={i} />
              ))}
            </datalist>
          </label>
        </div>
        <fieldset>
          <legend className={LABEL}>{t('dialog.run.mode')}</legend>
          <div className="mt-1 grid gap-1 text-sm">
            {(['bridge', 'host', 'none', 'container'] as const).map((m) => (
              <label key={m} className="flex items-center gap-2">
                <input
                  type="radio"
                  name="mode"
                  checked={f.mode === m}
                  onChange={() => set({ mode: m })}
                  className="accent-blue-700"
                />
                {t(`dialog.run.mode${m[0]?.toUpperCase()}${m.slice(1)}`)}
              </label>
            ))}
            {userNets.map((n) => (
              <label key={n.id} className="flex items-center gap-2">
                <input
                  type="radio"
                  name="mode"
                  checked={f.mode === 'network' && f.network === n.name}
                  onChange={() => set({ mode: 'network', network: n.name })}
                  className="accent-blue-700"
                />
                {n.name} <span className="text-slate-500">({n.subnet ?? n.driver})</span>
              </label>
            ))}
          </div>
        </fieldset>
        {f.mode === 'container' && (
          <label className={LABEL}>
            {t('dialog.run.target')}
            {running.length === 0 ? (
              <p className="text-sm font-normal text-amber-800 dark:text-amber-300">
                {t('dialog.run.noTarget')}
              </p>
            ) : (
              <select className={FIELD} value={target} onChange={(e) => set({ target: e.target.value })}>
                {running.map((c) => (
                  <option key={c.id} value={c.name}>
                    {c.name}
                  </option>
                ))}
              </select>
            )}
          </label>
        )}
        {(f.mode === 'bridge' || f.mode === 'network') && (
          <label className={LABEL}>
            {t('dialog.run.ports')}
            <input
              className={FIELD}
              value={f.ports}
              placeholder={t('dialog.run.portsPh')}
              onChange={(e) => set({ ports: e.target.value })}
              aria-describedby="ports-help"
            />
            <span id="ports-help" className="text-xs font-normal text-slate-600 dark:text-slate-400">
              {t('dialog.run.portsHelp')}
            </span>
          </label>
        )}
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={f.interactive}
            onChange={(e) => set({ interactive: e.target.checked })}
            className="accent-blue-700"
          />
          {t('dialog.run.interactive')}
        </label>
        <div>
          <p className="text-xs text-slate-600 dark:text-slate-400">{t('dialog.willType')}</p>
          <code
            className="block rounded bg-slate-100 px-2 py-1 font-mono text-[13px] break-all dark:bg-slate-800"
            data-testid="run-preview"
          >
            $ {line}
          </code>
        </div>
        <div className="flex justify-end gap-2">
          <button type="button" className={BTN} onClick={onClose}>
            {t('dialog.cancel')}
          </button>
          <button type="submit" className={BTN_PRIMARY} disabled={blocked}>
            {t('dialog.runIt')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
