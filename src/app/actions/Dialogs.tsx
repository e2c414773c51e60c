/**
 * "Add container" and "Add network": forms that build a `docker run` or a
 * `docker network create` line, shown live as the form changes, with Docker's
 * objections beside the fields. Run types the line into the terminal (the
 * simulator answers, with its real error if the user ran it anyway).
 */
import { type FormEvent, type ReactNode, useId, useMemo, useState } from 'react';
import { useTranslation } from '../i18n/react.ts';
import { useApp } from '../state/context.ts';
import { useActions } from './ActionsProvider.tsx';
import {
  EMPTY_NETWORK_FORM,
  findNetwork,
  networkCreateLine,
  type NetworkForm,
  type Problem,
  runCommandLine,
  runFlags,
  type RunForm,
  suggestName,
  validateNetwork,
  validateRun,
} from './commands.ts';
import { Dialog } from './Dialog.tsx';

function Field({
  label,
  help,
  problems,
  children,
}: {
  label: string;
  help?: string;
  problems: Problem[];
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
}) {
  const { t } = useTranslation('actions');
  const id = useId();
  const helpId = `${id}-help`;
  const problemId = `${id}-problem`;
  const describedBy = [help ? helpId : '', problems.length ? problemId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, describedBy, invalid: problems.length > 0 })}
      {help && (
        <div id={helpId} className="field-help">
          {help}
        </div>
      )}
      {problems.length > 0 && (
        <div id={problemId} className="field-problem">
          {problems.map((p) => t(p.key, p.values ?? {})).join(' ')}
        </div>
      )}
    </div>
  );
}

function CommandPreview({ line }: { line: string }) {
  const { t } = useTranslation('actions');
  return (
    <div className="cmd-preview" role="group" aria-label={t('dialog.command')}>
      <div className="cmd-preview-label">{t('dialog.command')}</div>
      <code data-testid="command-preview">
        <span className="cmd-prompt" aria-hidden>
          #{' '}
        </span>
        {line}
      </code>
      <div className="field-help">{t('dialog.commandHint')}</div>
    </div>
  );
}

function Buttons({ problems, onCancel }: { problems: number; onCancel(): void }) {
  const { t } = useTranslation('actions');
  return (
    <div className="dialog-buttons">
      <button type="button" onClick={onCancel}>
        {t('dialog.cancel')}
      </button>
      <button type="submit" className="primary">
        {problems > 0 ? t('dialog.runAnyway') : t('dialog.run')}
      </button>
    </div>
  );
}

export function AddContainerDialog({ network }: { network?: string }) {
  const { t } = useTranslation('actions');
  const actions = useActions()!;
  const sim = useApp((s) => s.sim);
  const rev = useApp((s) => s.rev);
  const [form, setForm] = useState<RunForm>(() => ({ image: 'busybox', name: suggestName('busybox', sim), network: network ?? '', ports: '', links: '' }));
  const [nameTouched, setNameTouched] = useState(false);
  const problems = useMemo(() => {
    void rev;
    return validateRun(form, sim);
  }, [form, sim, rev]);
  const line = runCommandLine(form, sim);
  const of = (field: string) => problems.filter((p) => p.field === field);
  const image = sim.engine.images.find((i) => i.name === form.image);
  const networks = [...sim.engine.networks.values()].filter((n) => n.driver === 'bridge' && !n.isDefault);
  const set = (update: Partial<RunForm>) => setForm((f) => ({ ...f, ...update }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    actions.closeDialog();
    actions.run(line);
  };
  const mode =
    runFlags(image) === '-dit'
      ? t('container.interactive')
      : image && image.listens.length > 0
        ? t('container.server', { servers: image.listens.map((l) => `${l.process} ${l.port}/${l.proto}`).join(', ') })
        : t('container.oneShot');

  return (
    <Dialog title={t('container.title')} onClose={actions.closeDialog}>
      <form className="dialog-form" onSubmit={submit} noValidate>
        <Field label={t('container.image')} help={mode} problems={of('image')}>
          {({ id, describedBy, invalid }) => (
            <select
              id={id}
              data-autofocus
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              value={form.image}
              onChange={(e) => set({ image: e.target.value, ...(nameTouched ? {} : { name: suggestName(e.target.value, sim) }) })}
            >
              {sim.engine.images.map((i) => (
                <option key={i.name} value={i.name}>
                  {i.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('container.name')} help={t('container.nameHelp')} problems={of('name')}>
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              value={form.name}
              spellCheck={false}
              autoComplete="off"
              onChange={(e) => {
                setNameTouched(true);
                set({ name: e.target.value });
              }}
            />
          )}
        </Field>
        <Field label={t('container.network')} problems={of('network')}>
          {({ id, describedBy, invalid }) => (
            <select id={id} aria-describedby={describedBy} aria-invalid={invalid || undefined} value={form.network} onChange={(e) => set({ network: e.target.value })}>
              <option value="">{t('container.defaultNetwork')}</option>
              {networks.map((n) => (
                <option key={n.id} value={n.name}>
                  {n.name}
                  {n.pool ? ` (${n.bridge})` : ''}
                </option>
              ))}
              <option value="host">host</option>
              <option value="none">none</option>
              {form.network !== '' && !findNetwork(sim, form.network) && <option value={form.network}>{form.network}</option>}
            </select>
          )}
        </Field>
        <Field label={t('container.ports')} help={t('container.portsHelp')} problems={of('ports')}>
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              value={form.ports}
              placeholder="8080:80"
              spellCheck={false}
              autoComplete="off"
              onChange={(e) => set({ ports: e.target.value })}
            />
          )}
        </Field>
        <Field label={t('container.links')} help={t('container.linksHelp')} problems={of('links')}>
          {({ id, describedBy, invalid }) => (
            <>
            <datalist id={`${id}-list`}>
              {[...sim.engine.containers.values()].filter((c) => c.state === 'running').map((c) => (
                <option key={c.id} value={c.name} />
              ))}
            </datalist>
            <input
              id={id}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              value={form.links}
              placeholder="web:db"
              spellCheck={false}
              autoComplete="off"
              list={`${id}-list`}
              onChange={(e) => set({ links: e.target.value })}
            />
            </>
          )}
        </Field>
        <CommandPreview line={line} />
        <Buttons problems={problems.length} onCancel={actions.closeDialog} />
      </form>
    </Dialog>
  );
}

function freeNetworkName(sim: Parameters<typeof findNetwork>[0]): string {
  for (let n = 1; ; n++) if (!findNetwork(sim, `net${n}`)) return `net${n}`;
}

export function AddNetworkDialog() {
  const { t } = useTranslation('actions');
  const actions = useActions()!;
  const sim = useApp((s) => s.sim);
  const rev = useApp((s) => s.rev);
  const [form, setForm] = useState<NetworkForm>(() => ({ ...EMPTY_NETWORK_FORM, name: freeNetworkName(sim) }));
  const problems = useMemo(() => {
    void rev;
    return validateNetwork(form, sim);
  }, [form, sim, rev]);
  const line = networkCreateLine(form);
  const of = (field: string) => problems.filter((p) => p.field === field);
  const set = (update: Partial<NetworkForm>) => setForm((f) => ({ ...f, ...update }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    actions.closeDialog();
    actions.run(line.endsWith(' NAME') && form.name.trim() === '' ? line.slice(0, -' NAME'.length) : line);
  };
  return (
    <Dialog title={t('network.title')} onClose={actions.closeDialog}>
      <form className="dialog-form" onSubmit={submit} noValidate>
        <Field label={t('network.name')} problems={of('name')}>
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              data-autofocus
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              value={form.name}
              spellCheck={false}
              autoComplete="off"
              onChange={(e) => set({ name: e.target.value })}
            />
          )}
        </Field>
        <Field label={t('network.subnet')} help={t('network.subnetHelp')} problems={of('subnet')}>
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              value={form.subnet}
              placeholder="10.10.0.0/24"
              spellCheck={false}
              autoComplete="off"
              onChange={(e) => set({ subnet: e.target.value })}
            />
          )}
        </Field>
        <label className="check">
          <input type="checkbox" checked={form.internal} onChange={(e) => set({ internal: e.target.checked })} />
          {t('network.internal')}
        </label>
        <label className="check">
          <input type="checkbox" checked={form.icc} onChange={(e) => set({ icc: e.target.checked })} />
          {t('network.icc')}
        </label>
        <CommandPreview line={line} />
        <Buttons problems={problems.length} onCancel={actions.closeDialog} />
      </form>
    </Dialog>
  );
}
