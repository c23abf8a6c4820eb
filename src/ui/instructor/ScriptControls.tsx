/**
 * The demo-script player's controls: pick a lesson's solution script or paste one, then Next (types and runs
 * the next line), Back (undoes it), a bookmark and "reset to this point".
 */
import { useEffect, useState } from 'react';
import { useTranslation } from '../i18n';
import { useStore } from 'zustand';
import { useLessonStore } from '../lessons/lesson_context';
import { lessonLang } from '../lessons/lesson_context';
import { useInstructor } from './instructor_context';

export const PBTN =
  'inline-flex items-center gap-1 rounded-md border-2 border-white bg-black px-2.5 py-1 text-base font-semibold text-white hover:bg-neutral-800 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-yellow-300 disabled:cursor-not-allowed disabled:opacity-40';
export const PBTN_MAIN =
  'inline-flex items-center gap-1 rounded-md border-2 border-yellow-300 bg-yellow-300 px-4 py-1 text-base font-bold text-black hover:bg-yellow-200 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-white disabled:cursor-not-allowed disabled:opacity-40';

export function ScriptEditor({ onDone }: { onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const { player } = useInstructor();
  const lines = useStore(player, (s) => s.lines);
  const [text, setText] = useState(lines.join('\n'));
  const lang = lessonLang(i18n.language);
  const lessons = useLessonStore();
  const catalog = useStore(lessons, (s) => s.catalog) ?? [];
  useEffect(() => {
    void lessons.getState().loadCatalog();
  }, [lessons]);
  return (
    <div className="flex flex-col gap-2 text-base" data-testid="script-editor">
      <label className="flex flex-col gap-1">
        <span className="font-semibold">{t('instructor.pick')}</span>
        <select
          className="rounded border-2 border-white bg-black px-2 py-1 text-white"
          defaultValue=""
          onChange={(e) => {
            if (e.target.value) setText(lessons.getState().script(e.target.value).join('\n'));
          }}
        >
          <option value="">{t('instructor.pickNone')}</option>
          {catalog.map((l) => (
            <option key={l.id} value={l.id}>
              {l.text[lang].title}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1">
        <span className="font-semibold">{t('instructor.script')}</span>
        <span className="text-sm text-neutral-300">{t('instructor.scriptHelp')}</span>
        <textarea
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={8}
          spellCheck={false}
          data-testid="script-text"
          className="rounded border-2 border-white bg-black p-2 font-mono text-base text-white"
        />
      </label>
      <div>
        <button
          type="button"
          className={PBTN_MAIN}
          data-testid="script-load"
          onClick={() => {
            player.getState().load(text);
            onDone();
          }}
        >
          {t('instructor.load')}
        </button>
      </div>
    </div>
  );
}

/**
 * One row on a 1280x720 projector: below 2xl the secondary buttons show their icon only (the words stay their
 * accessible name and tooltip), so the next line to run gets the room.
 */
export function ScriptControls({ onEdit }: { onEdit: () => void }) {
  const { t } = useTranslation();
  const { player } = useInstructor();
  const s = useStore(player);
  const next = s.lines[s.pos];
  return (
    <div className="flex items-center gap-2" data-testid="script-controls">
      <button
        type="button"
        className={PBTN}
        disabled={s.pos === 0 || s.typing}
        onClick={() => player.getState().back()}
        data-testid="script-back"
      >
        ◀ {t('instructor.back')}
      </button>
      <button
        type="button"
        className={PBTN_MAIN}
        disabled={next === undefined || s.typing}
        onClick={() => void player.getState().next()}
        data-testid="script-next"
      >
        {t('instructor.next')} ▶
      </button>
      <span className="shrink-0 font-mono text-base whitespace-nowrap" data-testid="script-pos">
        {t('instructor.lineOf', { n: s.pos, total: s.lines.length })}
      </span>
      <span className="min-w-0 flex-1 truncate font-mono text-base text-yellow-200" title={next}>
        {next !== undefined ? t('instructor.nextLine', { line: next }) : t('instructor.endOfScript')}
      </span>
      <button
        type="button"
        className={PBTN}
        disabled={s.typing}
        onClick={() => player.getState().setBookmark()}
        title={t('instructor.bookmark')}
        data-testid="bookmark"
      >
        <span aria-hidden>⚑</span>
        <span className="max-2xl:sr-only">{t('instructor.bookmark')}</span>
      </button>
      <button
        type="button"
        className={PBTN}
        disabled={!s.bookmark || s.typing}
        title={s.bookmark ? t('instructor.bookmarkSet', { n: s.bookmark.pos }) : t('instructor.resetTo')}
        onClick={() => void player.getState().resetToBookmark()}
        data-testid="bookmark-reset"
      >
        <span aria-hidden>⟲</span>
        <span className="max-2xl:sr-only">{t('instructor.resetTo')}</span>
      </button>
      <button type="button" className={PBTN} onClick={onEdit} title={t('instructor.edit')}>
        <span aria-hidden>✎</span>
        <span className="max-2xl:sr-only">{t('instructor.edit')}</span>
      </button>
    </div>
  );
}
