/**
 * The Guide tab: the open scenario's steps, each with its text, its command and
 * two buttons (Run: typed and run in the host terminal exactly like a typed line,
 * so it is recorded; Type: put on the prompt), done steps marked, the result of
 * the step's last packet, and where Docker 28.5 differs from the article.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from '../i18n/react.ts';
import { GALLERY_NS, type GalleryScenario, type GalleryStep } from '../../scenario/gallery/index.ts';
import { useApp } from '../state/context.ts';
import { useAppMode, useReadOnly } from '../ui/mode.ts';
import { LINKED_ID } from './registry.ts';
import { PlayIcon } from '../ui/icons.tsx';
import { useGallery, useGalleryStore } from './context.ts';
import { activeScenario, doneSteps, lastRunStep } from './model.ts';
import { checkStep } from '../../scenario/check.ts';
import './gallery.css';

/** Whether the step's last run did what the scenario expects (tutorial files declare it); null without an expectation. */
function ExpectationVerdict({ step }: { step: GalleryStep }) {
  const { t } = useTranslation(GALLERY_NS);
  const lastRun = useApp((s) => s.lastRun);
  if (!step.expect || !lastRun || lastRun.line !== step.command) return null;
  const problems = checkStep(step.expect, lastRun.output);
  return (
    <div className={`step-verdict ${problems.length === 0 ? 'ok' : 'bad'}`} data-testid="step-verdict" data-verdict={problems.length === 0 ? 'as-expected' : 'unexpected'}>
      <strong>{t(problems.length === 0 ? 'guide.asExpected' : 'guide.notAsExpected')}</strong>
      {problems.length > 0 && (
        <ul>
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Terminal escape sequences (colours, as Python's tracebacks print them) have no place in the Guide's text. */
const ESCAPES = new RegExp(`${String.fromCharCode(27)}\\[[0-9;?]*[A-Za-z]`, 'g');

/** What the step's line printed, as the terminal shows it (lines kept whole; a long one scrolls). */
function StepOutput({ step, ranLast }: { step: GalleryStep; ranLast: boolean }) {
  const { t } = useTranslation(GALLERY_NS);
  const lastRun = useApp((s) => s.lastRun);
  if (!ranLast || lastRun?.line !== step.command) return null;
  const out = lastRun.output;
  const text = (out.stderrFirst ? out.stderr + out.stdout : out.stdout + out.stderr).replace(ESCAPES, '').replace(/\n$/, '');
  if (text === '') return null;
  return (
    <pre className="step-output" data-testid="step-output" aria-label={t('guide.output')} tabIndex={0}>
      {text}
    </pre>
  );
}

/** A command or a rule that wraps at its spaces only, never inside a word (`redis-` / `cli`, `DOCKER-` / `FORWARD`). */
function CommandWords({ line }: { line: string }) {
  const words = line.split(' ');
  return (
    <code>
      {words.map((word, i) => (
        <span key={i}>
          <span className="word">{word}</span>
          {i < words.length - 1 ? ' ' : ''}
        </span>
      ))}
    </code>
  );
}

function StepResult({ step, ranLast }: { step: GalleryStep; ranLast: boolean }) {
  const { t } = useTranslation();
  const trace = useApp((s) => s.trace);
  const last = useApp((s) => s.commands[s.commands.length - 1]);
  const lastRunId = useApp((s) => s.lastRun?.id);
  const box = useRef<HTMLDivElement>(null);
  const ran = ranLast && last === step.command;
  const traced = ran && trace !== null && trace.command === step.command;
  // A result that appears below the fold (a long step list, a phone) scrolls into sight.
  useEffect(() => {
    if (ran) box.current?.scrollIntoView?.({ block: 'nearest' });
  }, [ran, lastRunId, trace?.id]);
  // Only this step's own line, run last.
  if (!ran) return null;
  const o = traced ? trace.trace.outcome : undefined;
  const ok = o !== undefined && (o.kind === 'replied' || o.kind === 'delivered');
  return (
    <div ref={box} className="step-results" role="status">
      {o && (
        <div className={`step-result ${ok ? 'ok' : 'bad'}`} data-testid="step-result" data-outcome={o.kind}>
          <strong>{t(`outcome.${o.kind}`)}</strong>
          {(o.kind === 'dropped' || o.kind === 'rejected') && (
            <>
              {' '}
              <span className="small">
                {t(o.by.num > 0 ? 'trace.decidedBy' : 'trace.decidedByPolicy', { netns: o.netns, table: o.by.table, chain: o.by.chain, num: o.by.num })}
              </span>
              <CommandWords line={o.by.text} />
            </>
          )}
        </div>
      )}
      <ExpectationVerdict step={step} />
      <StepOutput step={step} ranLast={ranLast} />
    </div>
  );
}

function Steps({ scenario }: { scenario: GalleryScenario }) {
  const { t } = useTranslation(GALLERY_NS);
  const gallery = useGalleryStore();
  const commands = useApp((s) => s.commands);
  const current = useGallery((s) => s.step);
  const done = doneSteps(commands, scenario);
  const ranLast = lastRunStep(commands, scenario);
  const readOnly = useReadOnly();
  return (
    <ol className="guide-steps">
      {scenario.steps.map((step, i) => {
        const n = i + 1;
        const isDone = done.has(i);
        const isCurrent = i === current;
        return (
          <li
            key={i}
            className={`guide-step${isDone ? ' is-done' : ''}${isCurrent ? ' is-current' : ''}`}
            aria-current={isCurrent ? 'step' : undefined}
            data-step={n}
          >
            <div className="guide-step-head">
              <span className="guide-step-num" aria-hidden>
                {isDone ? '✓' : n}
              </span>
              <span className="sr-only">{t('guide.step', { n })}</span>
              {isDone && <span className="guide-badge done">{t('guide.done')}</span>}
              {!isDone && isCurrent && <span className="guide-badge next">{t('guide.next')}</span>}
            </div>
            <p className="guide-step-text">{t(step.textKey)}</p>
            <div className="guide-cmd">
              <CommandWords line={step.command} />
              <div className="guide-cmd-buttons">
                <button type="button" className="guide-run" onClick={() => gallery.getState().runStep(i)} aria-label={t('guide.runLabel', { n, command: step.command })}>
                  <PlayIcon /> {t('guide.run')}
                </button>
                {!readOnly && (
                  <button type="button" onClick={() => gallery.getState().typeStep(i)} aria-label={t('guide.typeLabel', { n, command: step.command })}>
                    {t('guide.type')}
                  </button>
                )}
              </div>
            </div>
            <StepResult step={step} ranLast={i === ranLast} />
          </li>
        );
      })}
    </ol>
  );
}

export function GuidePanel() {
  const { t } = useTranslation(GALLERY_NS);
  const gallery = useGalleryStore();
  const activeId = useGallery((s) => s.activeId);
  const commands = useApp((s) => s.commands);
  const scenario = activeScenario(commands, activeId);
  const { embedded } = useAppMode();

  if (!scenario) {
    return (
      <div className="guide guide-empty">
        <p>{t('guide.empty')}</p>
        <button type="button" className="gallery-primary" onClick={() => gallery.getState().openDialog()}>
          {t('guide.browse')}
        </button>
      </div>
    );
  }
  const done = doneSteps(commands, scenario);
  return (
    <div className="guide" aria-label={t('guide.label')} role="region">
      <div className="guide-head">
        <h2>{t(scenario.titleKey)}</h2>
        <p className="guide-summary">{t(scenario.summaryKey)}</p>
        {(scenario.article || scenario.id !== LINKED_ID) && (
          <p className="gallery-source">
            {scenario.article ? t('ui.fromArticle', { title: scenario.article.title, year: scenario.article.year }) : t('ui.beyond')}
          </p>
        )}
        <div className="guide-actions">
          {!embedded && (
            <button type="button" onClick={() => gallery.getState().openDialog()}>
              {t('guide.back')}
            </button>
          )}
          <button type="button" onClick={() => gallery.getState().requestOpen(scenario.id, { ask: !embedded })} title={t('guide.restartTitle')}>
            {t('guide.restart')}
          </button>
        </div>
        <details className="guide-setup">
          <summary>{t('guide.setup', { count: scenario.commands.length })}</summary>
          <pre>{scenario.commands.join('\n')}</pre>
        </details>
      </div>
      <Steps scenario={scenario} />
      {scenario.steps.length > 0 && done.size === scenario.steps.length && <p className="guide-all-done">{t('guide.allDone')}</p>}
      {scenario.todayKey !== undefined && (
        <aside className="guide-today" aria-label={t(scenario.article ? 'guide.today' : 'guide.todayBeyond')}>
          <h3>{t(scenario.article ? 'guide.today' : 'guide.todayBeyond')}</h3>
          <p>{t(scenario.todayKey)}</p>
        </aside>
      )}
    </div>
  );
}
