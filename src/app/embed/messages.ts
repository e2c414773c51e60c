/**
 * The embed's postMessage API (docs/embedding.md). The host page may load a
 * scenario, run a command or a step, and set the theme; the embed tells it
 * `ready`, `step`, `trace` (with its outcome) and `resize`, and `error` for a
 * request it refused. Every message is checked (shape, size) before it is
 * obeyed, and only the embedding frame is listened to (with `origin=` in the
 * embed's URL, only that origin). An embed never reads or writes its host page.
 */
import * as v from 'valibot';

export const API_VERSION = 1;
/** A message's JSON may not be longer than this. */
export const MAX_MESSAGE_CHARS = 256 * 1024;

const command = v.pipe(v.string(), v.nonEmpty(), v.maxLength(8192), v.check((s) => !/[\n\r]/.test(s), 'one line'));

const hostMessage = v.variant('type', [
  /** A link (`https://.../#s=...`) or its fragment (`#s=...`, `#g=ID&step=N`). */
  v.strictObject({ type: v.literal('vethlab:load'), link: v.pipe(v.string(), v.nonEmpty(), v.maxLength(MAX_MESSAGE_CHARS)) }),
  v.strictObject({ type: v.literal('vethlab:run'), command }),
  /** Runs step N of the open scenario (from 1). */
  v.strictObject({ type: v.literal('vethlab:step'), step: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(500)) }),
  v.strictObject({ type: v.literal('vethlab:theme'), theme: v.picklist(['light', 'dark', 'auto']) }),
]);

export type HostMessage = v.InferOutput<typeof hostMessage>;

export type EmbedEvent =
  | { type: 'vethlab:ready'; version: typeof API_VERSION; title: string; steps: number }
  /** A step of the open scenario ran (from 1); `problems` when the step declares an expectation (empty: it was met). */
  | { type: 'vethlab:step'; step: number; command: string; exitCode: number; problems?: string[] }
  /** A command sent packets: how the last one ended (and the rule, for a drop). */
  | { type: 'vethlab:trace'; command: string; outcome: string; rule?: string; hops: number }
  | { type: 'vethlab:resize'; height: number }
  | { type: 'vethlab:error'; message: string };

/** A host page's message, checked; or why it is refused; undefined for messages not meant for vethlab. */
export function readHostMessage(data: unknown): { ok: true; message: HostMessage } | { ok: false; error: string } | undefined {
  if (typeof data !== 'object' || data === null || typeof (data as { type?: unknown }).type !== 'string') return undefined;
  const type = (data as { type: string }).type;
  if (!type.startsWith('vethlab:')) return undefined;
  let size: number;
  try {
    size = JSON.stringify(data).length;
  } catch {
    return { ok: false, error: `${type}: not plain data` };
  }
  if (size > MAX_MESSAGE_CHARS) return { ok: false, error: `${type}: larger than ${MAX_MESSAGE_CHARS / 1024} KiB` };
  const parsed = v.safeParse(hostMessage, data);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path = v.getDotPath(issue);
    return { ok: false, error: `${type}: ${path ? `${path}: ` : ''}${issue.message}` };
  }
  return { ok: true, message: parsed.output };
}

/** Whether a message event comes from the frame that embeds this page (and from the allowed origin, if one is set). */
export function fromHost(event: Pick<MessageEvent, 'source' | 'origin'>, parent: unknown, origin: string | undefined): boolean {
  return parent !== null && event.source === parent && (origin === undefined || event.origin === origin);
}
