/** Keyboard shortcuts. */
import { useTranslation } from '../i18n';
import { BTN, Modal } from './Modal';

const KEYS: [string, string][] = [
  ['Ctrl+Z', 'undo'],
  ['Ctrl+Shift+Z / Ctrl+Y', 'redo'],
  ['Tab', 'complete'],
  ['Shift+Tab', 'leave'],
  ['↑ / ↓', 'history'],
  ['Ctrl+C', 'interrupt'],
  ['Ctrl+L', 'clear'],
  ['Ctrl+V', 'paste'],
  ['Ctrl+Shift+C', 'copy'],
  ['Alt+T', 'focusTerm'],
  ['Alt+G', 'focusGraph'],
  ['?  /  F1', 'help'],
  ['Esc', 'escape'],
];

export function HelpDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal id="help" title={t('dialog.help.title')} onClose={onClose}>
      <table className="w-full text-sm">
        <tbody>
          {KEYS.map(([k, v]) => (
            <tr key={v} className="border-b border-slate-200 dark:border-slate-700">
              <th scope="row" className="py-1 pr-3 text-left align-top font-normal whitespace-nowrap">
                <kbd className="rounded border border-slate-400 bg-slate-100 px-1 font-mono text-xs dark:border-slate-500 dark:bg-slate-800">
                  {k}
                </kbd>
              </th>
              <td className="py-1">{t(`dialog.help.${v}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="mt-3 text-right">
        <button type="button" className={BTN} onClick={onClose} autoFocus>
          {t('dialog.close')}
        </button>
      </div>
    </Modal>
  );
}
