/** Create network: name, optional subnet, internal; types `docker network create …`. */
import { useContext, useState } from 'react';
import { useTranslation } from '../i18n';
import { StoreContext } from '../store_context';
import { BTN, BTN_PRIMARY, FIELD, LABEL, Modal } from './Modal';
import { networkCommand, type NetForm } from './commands';

export function NetworkDialog({ onClose }: { onClose: () => void }) {
  const store = useContext(StoreContext);
  const { t } = useTranslation();
  const [f, setF] = useState<NetForm>({ name: '', subnet: '', internal: false });
  const line = networkCommand(f);
  return (
    <Modal id="net" title={t('dialog.net.title')} onClose={onClose}>
      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          onClose();
          void store.getState().typeHost(line);
        }}
      >
        <label className={LABEL}>
          {t('dialog.net.name')}
          <input
            className={FIELD}
            value={f.name}
            placeholder={t('dialog.net.namePh')}
            onChange={(e) => setF({ ...f, name: e.target.value })}
            autoFocus
          />
        </label>
        <label className={LABEL}>
          {t('dialog.net.subnet')}
          <input
            className={FIELD}
            value={f.subnet}
            placeholder={t('dialog.net.subnetPh')}
            onChange={(e) => setF({ ...f, subnet: e.target.value })}
          />
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={f.internal}
            onChange={(e) => setF({ ...f, internal: e.target.checked })}
            className="accent-blue-700"
          />
          {t('dialog.net.internal')}
        </label>
        <div>
          <p className="text-xs text-slate-600 dark:text-slate-400">{t('dialog.willType')}</p>
          <code className="block rounded bg-slate-100 px-2 py-1 font-mono text-[13px] break-all dark:bg-slate-800">
            $ {line}
          </code>
        </div>
        <div className="flex justify-end gap-2">
          <button type="button" className={BTN} onClick={onClose}>
            {t('dialog.cancel')}
          </button>
          <button type="submit" className={BTN_PRIMARY}>
            {t('dialog.createIt')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
