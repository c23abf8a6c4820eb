/**
 * Instructor mode's presentation view: large type and high contrast, nothing but the graph (with the laser
 * pointer and the lesson's highlights), one terminal, and the step text or the demo script. Clickers send
 * PageDown/PageUp: they step the script (as do the arrow keys) when the terminal does not have the focus.
 */
import { Suspense, useContext, useEffect, useState } from 'react';
import { useTranslation } from '../i18n';
import { useStore } from 'zustand';
import { StoreContext } from '../store_context';
import { Canvas, Terminal } from '../first_screen';
import { lessonLang, useLessonStore } from '../lessons/lesson_context';
import { GraphHighlight } from '../lessons/GraphHighlight';
import { StepBody } from '../lessons/LessonPanel';
import { PredictBox } from '../lessons/PredictBox';
import { LanguageSwitch } from '../lessons/LanguageSwitch';
import { useInstructor } from './instructor_context';
import { Laser } from './Laser';
import { PBTN, ScriptControls, ScriptEditor } from './ScriptControls';

function inField(el: Element | null): boolean {
  if (!el) return false;
  if (el.closest('.xterm')) return true;
  return ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}

function StepPane() {
  const { t, i18n } = useTranslation();
  const lessons = useLessonStore();
  const l = useStore(lessons);
  const step = l.lesson?.steps[l.step];
  if (!l.lesson || !step) return <p className="text-2xl text-neutral-300">{t('instructor.noStep')}</p>;
  const st = l.lesson.text[lessonLang(i18n.language)].steps[step.id];
  if (!st) return null;
  const passed = l.passed[l.step] === true;
  return (
    <div data-testid="present-step">
      <p className="mb-1 text-lg text-yellow-200">
        {l.lesson.text[lessonLang(i18n.language)].title} ·{' '}
        {t('lessons.stepOf', { n: l.step + 1, total: l.lesson.steps.length })}
      </p>
      <StepBody text={st} large />
      {step.predict && st.predict && <PredictBox step={step} text={st} large />}
      <p
        role="status"
        className={`mt-3 rounded px-3 py-2 text-xl font-semibold ${passed ? 'bg-emerald-300 text-black' : 'border-2 border-neutral-500 text-neutral-200'}`}
      >
        {passed ? `✓ ${t('lessons.passed')}` : t('lessons.waiting')}
      </p>
      <div className="mt-3 flex gap-2">
        <button
          type="button"
          className={PBTN}
          disabled={l.step === 0}
          onClick={() => lessons.getState().prev()}
        >
          ← {t('lessons.prev')}
        </button>
        <button
          type="button"
          className={PBTN}
          disabled={l.step === l.lesson.steps.length - 1}
          onClick={() => lessons.getState().next()}
        >
          {t('lessons.next')} →
        </button>
      </div>
    </div>
  );
}

export function Presentation() {
  const { t } = useTranslation();
  const app = useContext(StoreContext);
  const { ui, player } = useInstructor();
  const laser = useStore(ui, (s) => s.laser);
  const active = useStore(app, (s) => s.activeTerminal);
  const terminals = useStore(app, (s) => s.terminals);
  const hasTopo = useStore(app, (s) => s.topo !== null);
  const hasScript = useStore(player, (s) => s.lines.length > 0);
  const [editing, setEditing] = useState(false);
  const view = terminals.find((x) => x.id === active) ?? terminals[0];

  // The graph fits itself to its box when the window (a projector) changes size.
  useEffect(() => {
    const box = document.getElementById('present-graph');
    if (!box) return;
    let timer = 0;
    const ro = new ResizeObserver(() => {
      clearTimeout(timer);
      timer = window.setTimeout(
        () => box.querySelector<HTMLButtonElement>('.react-flow__controls-fitview')?.click(),
        150,
      );
    });
    ro.observe(box);
    return () => {
      clearTimeout(timer);
      ro.disconnect();
    };
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (inField(document.activeElement) || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === 'l' || e.key === 'L') ui.getState().setLaser(!ui.getState().laser);
      else if (e.key === 'PageDown' || e.key === 'ArrowRight') void player.getState().next();
      else if (e.key === 'PageUp' || e.key === 'ArrowLeft') player.getState().back();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [ui, player]);

  return (
    <div
      // Always dark (class `dark` turns every dark: variant inside on): light-theme widgets on black were
      // white text on pale boxes.
      className="cnp-present dark fixed inset-0 z-40 flex flex-col bg-black text-white"
      data-testid="presentation"
    >
      <header className="flex items-center gap-2 border-b-2 border-neutral-600 px-3 py-2">
        <h1 className="sr-only">{t('instructor.present')}</h1>
        {hasScript && !editing ? (
          <div className="min-w-0 flex-1">
            <ScriptControls onEdit={() => setEditing(true)} />
          </div>
        ) : (
          <div className="flex-1">
            {!editing && (
              <button
                type="button"
                className={PBTN}
                onClick={() => setEditing(true)}
                data-testid="script-open"
              >
                ✎ {t('instructor.script')}
              </button>
            )}
          </div>
        )}
        <button
          type="button"
          className={PBTN}
          aria-pressed={laser}
          title={t('instructor.laserHelp')}
          aria-keyshortcuts="L"
          onClick={() => ui.getState().setLaser(!laser)}
          data-testid="laser-toggle"
        >
          <span aria-hidden className={laser ? 'text-red-500' : ''}>
            ●
          </span>{' '}
          <span className="max-2xl:sr-only">{t('instructor.laser')}</span>
        </button>
        <LanguageSwitch className="[&_select]:border-2 [&_select]:border-white [&_select]:bg-black [&_select]:text-base [&_select]:text-white" />
        <button
          type="button"
          className={PBTN}
          onClick={() => ui.getState().setPresenting(false)}
          title={t('instructor.leave')}
          data-testid="present-leave"
        >
          <span aria-hidden>✕</span>
          <span className="max-2xl:sr-only">{t('instructor.leave')}</span>
        </button>
      </header>
      <main className="grid min-h-0 flex-1 grid-cols-[minmax(0,1.7fr)_minmax(0,1fr)]">
        <section
          id="present-graph"
          aria-label={t('canvas.label')}
          className="relative min-h-0 border-r-2 border-neutral-600"
        >
          <Suspense fallback={null}>{hasTopo && <Canvas dark />}</Suspense>
          {laser && <Laser label={t('instructor.laser')} />}
          <GraphHighlight rootId="present-graph" />
        </section>
        <div className="flex min-h-0 flex-col">
          {/* Remounted when the editor closes (and no scroll anchoring), so the step text starts at its title. */}
          <div
            key={editing ? 'edit' : 'step'}
            className="min-h-0 flex-1 overflow-auto p-4 [overflow-anchor:none]"
          >
            {editing ? <ScriptEditor onDone={() => setEditing(false)} /> : <StepPane />}
          </div>
          <div className="h-[46%] min-h-40 border-t-2 border-neutral-600 bg-[#0b1020] p-1.5">
            <Suspense fallback={null}>
              {view && (
                <Terminal
                  key={`present-${view.id}`}
                  store={app}
                  id={view.id}
                  label={t('terminal.label', { title: view.title })}
                  autoFocus={false}
                  fontSize={18}
                />
              )}
            </Suspense>
          </div>
        </div>
      </main>
    </div>
  );
}
