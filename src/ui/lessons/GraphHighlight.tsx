/**
 * Highlights on the live graph what the current lesson step names (the CNM lesson's sandbox, endpoint and
 * network), with the CNM word as a badge. It finds the graph's elements by the data attributes the topology
 * renders (data-ns, data-container, data-dev, data-bridge) and re-applies itself whenever the graph redraws.
 */
import { useContext, useEffect, useMemo } from 'react';
import { useTranslation } from '../i18n';
import { useStore } from 'zustand';
import type { Highlight } from '../../lessons';
import { StoreContext } from '../store_context';
import { useLessonStore } from './lesson_context';

const CLASS = 'cnp-lesson-hl';

const css = (v: string) =>
  typeof CSS !== 'undefined' && CSS.escape ? CSS.escape(v) : v.replace(/["\\]/g, '\\$&');

function boxOf(root: Element, container: string): Element | null {
  return root.querySelector(`[data-container="${css(container)}"]`)?.closest('[data-ns]') ?? null;
}

export function resolveHighlight(root: Element, h: Highlight): Element[] {
  switch (h.kind) {
    case 'sandbox': {
      const b = boxOf(root, h.container);
      return b ? [b] : [];
    }
    case 'container':
      return [...root.querySelectorAll(`[data-container="${css(h.container)}"]`)];
    case 'dev': {
      if (!h.dev) return [];
      const scope = h.container === null ? root.querySelector('[data-ns="host"]') : boxOf(root, h.container);
      if (!scope) return [];
      const dev = scope.querySelector(`[data-dev="${css(h.dev)}"]`);
      const br = scope.querySelector(`[data-bridge="${css(h.dev)}"]`);
      return [br ?? dev].filter((x): x is Element => x !== null);
    }
  }
}

export function GraphHighlight({ rootId = 'graph' }: { rootId?: string }) {
  const { t } = useTranslation();
  const app = useContext(StoreContext);
  const lessons = useLessonStore();
  const world = useStore(app, (s) => s.world);
  const lesson = useStore(lessons, (s) => s.lesson);
  const stepIndex = useStore(lessons, (s) => s.step);
  const step = lesson?.steps[stepIndex];
  // Recomputed when the step or the World changes (a highlight may name a device the World just made).
  const list = useMemo(() => (step && world ? lessons.getState().highlights() : []), [lessons, step, world]);
  const labels = useMemo(
    () => ({
      sandbox: t('lessons.roleSandbox'),
      endpoint: t('lessons.roleEndpoint'),
      network: t('lessons.roleNetwork'),
    }),
    [t],
  );

  useEffect(() => {
    const root = document.getElementById(rootId);
    if (!root) return;
    let applied: Element[] = [];
    const clear = () => {
      for (const el of applied) {
        el.classList.remove(CLASS);
        el.removeAttribute('data-cnm-role');
      }
      applied = [];
    };
    const apply = () => {
      observer.disconnect();
      clear();
      for (const h of list)
        for (const el of resolveHighlight(root, h)) {
          el.classList.add(CLASS);
          if (h.role) el.setAttribute('data-cnm-role', labels[h.role]);
          applied.push(el);
        }
      observer.observe(root, { childList: true, subtree: true });
    };
    const observer = new MutationObserver(() => apply());
    apply();
    return () => {
      observer.disconnect();
      clear();
    };
  }, [list, labels, rootId]);
  return null;
}
