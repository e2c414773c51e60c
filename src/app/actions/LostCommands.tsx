/**
 * The body of a "replace the world?" confirmation (opening a gallery scenario,
 * Reset): what will be lost, the user's own command lines (the first few, then
 * how many more), and Cancel (focused) beside the destructive button (or the
 * caller's own buttons, as Reset's choice of worlds).
 */
import './actions.css';

const MAX_LISTED = 6;

export interface LostCommandsProps {
  text: string;
  lines: readonly string[];
  /** "… and N more" for the lines not listed. */
  more(count: number): string;
  /** Without these, only the list (the caller draws its own buttons). */
  cancelLabel?: string;
  confirmLabel?: string;
  onCancel?(): void;
  onConfirm?(): void;
}

export function LostCommands({ text, lines, more, cancelLabel, confirmLabel, onCancel, onConfirm }: LostCommandsProps) {
  return (
    <div className="confirm-loss">
      <p>{text}</p>
      <ul className="confirm-lost">
        {lines.slice(0, MAX_LISTED).map((line, i) => (
          <li key={i}>
            <code>{line}</code>
          </li>
        ))}
        {lines.length > MAX_LISTED && <li className="muted">{more(lines.length - MAX_LISTED)}</li>}
      </ul>
      {onCancel && onConfirm && (
        <div className="confirm-actions">
          <button type="button" data-autofocus onClick={onCancel}>
            {cancelLabel}
          </button>
          <button type="button" className="danger" onClick={onConfirm}>
            {confirmLabel}
          </button>
        </div>
      )}
    </div>
  );
}
