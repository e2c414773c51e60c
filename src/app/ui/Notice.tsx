/**
 * The notice above the workspace (a session that could not be read, a bad
 * link...): the store's message in the UI's language, with a dismiss button.
 * A reason given by its key (a bad link's) is said in that language too.
 */
import { useTranslation } from '../i18n/react.ts';
import { useApp, useAppStore } from '../state/context.ts';

export function Notice() {
  const { t } = useTranslation();
  const store = useAppStore();
  const notice = useApp((s) => s.notice);
  if (!notice) return null;
  const values = notice.values ?? {};
  const text = t(notice.key, values.reasonKey ? { ...values, reason: t(values.reasonKey, values) } : values);
  return (
    <div className="notice" role="alert">
      <span>{text}</span>
      <button type="button" onClick={() => store.getState().dismissNotice()} aria-label={t('notice.dismiss')}>
        ×
      </button>
    </div>
  );
}
