/**
 * Scenario files in the browser: saving the world on screen as a YAML file
 * (the same document a link carries), and reading one the user picks. The
 * YAML library loads only when a file is saved or opened.
 */
import { LIMITS, type ScenarioDoc } from '../../scenario/format/types.ts';
import type { KernelApi } from '../../sim/net/api.ts';
import type { Notice } from '../state/store.ts';

/** A file name's stem from a title: `two-networks-and-mine`. */
function fileStem(title: string | undefined, fallback: string): string {
  const slug = (title ?? '')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug || fallback;
}

/** A file name from a title: `two-networks-and-mine.vethlab.yaml`. */
export function scenarioFileName(title: string | undefined): string {
  return `${fileStem(title, 'scenario')}.vethlab.yaml`;
}

/** The "Reproduce on Linux" script's file name: `two-networks-and-mine.linux.sh`. */
export function linuxScriptFileName(title: string | undefined): string {
  return `${fileStem(title, 'world')}.linux.sh`;
}

function offerDownload(text: string, type: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Offers the document as a download. */
export async function downloadScenario(doc: ScenarioDoc): Promise<void> {
  const { scenarioToYaml } = await import('../../scenario/format/yaml.ts');
  const text = `# A vethlab scenario (docs/scenarios.md). Load it in vethlab (Gallery, Load a scenario file), or check it: vethlab check FILE\n${scenarioToYaml(doc)}`;
  offerDownload(text, 'application/yaml', scenarioFileName(doc.title));
}

/**
 * Offers the world as it stands as a shell script that rebuilds it on a real
 * Linux machine (docs/export.md). The generator loads only when asked for.
 */
export async function downloadLinuxScript(kernel: KernelApi, title: string | undefined): Promise<void> {
  const { linuxScript } = await import('../../scenario/export/linux.ts');
  offerDownload(linuxScript(kernel, title === undefined ? {} : { title }), 'text/x-shellscript', linuxScriptFileName(title));
}

/** Reads a file the user picked: its document, or the notice that says why not. */
export async function readScenarioFile(file: Pick<File, 'size' | 'text' | 'name'>): Promise<{ ok: true; doc: ScenarioDoc } | { ok: false; notice: Notice }> {
  const bad = (detail: string): { ok: false; notice: Notice } => ({ ok: false, notice: { key: 'file.bad', values: { name: file.name.slice(0, 120), detail: detail.slice(0, 300) } } });
  if (file.size > LIMITS.fileChars * 4) return bad(`larger than ${LIMITS.fileChars / 1024} KiB`);
  let text: string;
  try {
    text = await file.text();
  } catch {
    return bad('the browser could not read it');
  }
  const [{ parseScenarioYaml }, { describeReadError }] = await Promise.all([import('../../scenario/format/yaml.ts'), import('../../scenario/format/read.ts')]);
  const read = parseScenarioYaml(text);
  return read.ok ? read : bad(describeReadError(read.error));
}
