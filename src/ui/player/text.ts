/**
 * The journey's texts through the app's translator (ui/i18n.ts): an explanation or table title (`Explain`: a key under
 * `journey.` and its parameters, some of which are keys themselves) as a sentence in the UI language.
 */
import { useCallback } from 'react';
import { useTranslation } from '../i18n';
import type { Explain } from '../../sim';

export function explainKey(key: string): string {
  if (key.startsWith('journey.')) return key;
  return key.includes('.') ? `journey.${key}` : `journey.explain.${key}`;
}

export function useExplain(): (e: Explain) => string {
  const { t } = useTranslation();
  return useCallback(
    (e: Explain) => {
      const params: Record<string, string> = { ...e.params };
      for (const [k, ref] of Object.entries(e.refs ?? {})) params[k] = t(explainKey(ref));
      return t(explainKey(e.key), params);
    },
    [t],
  );
}
