/**
 * What undo or redo just did, or why it could not ("Nothing to redo: ..."):
 * a polite live region under the top bar, always in the page so that screen
 * readers hear each change, shown for a few seconds.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from '../i18n/react.ts';
import { useApp } from '../state/context.ts';

const SHOWN_MS = 6000;

export function HistoryStatus() {
  const { t } = useTranslation();
  const note = useApp((s) => s.historyNote);
  const [hiddenId, setHiddenId] = useState<number | null>(null);
  useEffect(() => {
    if (!note) return;
    const timer = setTimeout(() => setHiddenId(note.id), SHOWN_MS);
    return () => clearTimeout(timer);
  }, [note]);
  const text = note && note.id !== hiddenId ? t(note.key, note.values ?? {}) : '';
  return (
    <p className="history-status" role="status" data-shown={text !== '' || undefined}>
      {text}
    </p>
  );
}
