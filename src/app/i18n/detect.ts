/**
 * Where the UI's language comes from, in order: the language the user chose before
 * (localStorage, when the page keeps one), then the browser's languages. The
 * translator picks the closest it has (translator.ts, `closestLanguage`).
 */

/** The localStorage key of the language chosen in the header. */
export const LANGUAGE_STORAGE_KEY = 'vethlab.lang';

/** Language codes the page asks for, most wanted first (`[]` when it says nothing). */
export function requestedLanguages(storageKey?: string): string[] {
  const codes: string[] = [];
  const chosen = storageKey ? readStored(storageKey) : null;
  if (chosen) codes.push(chosen);
  if (typeof navigator !== 'undefined') {
    codes.push(...(navigator.languages ?? []));
    if (navigator.language) codes.push(navigator.language);
  }
  return codes.filter((code) => /^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/.test(code));
}

/** Remembers the language chosen (a storage that refuses, as in a sandboxed frame, keeps nothing). */
export function storeLanguage(storageKey: string, language: string): void {
  try {
    window.localStorage.setItem(storageKey, language);
  } catch {
    // Not kept: the next visit follows the browser again.
  }
}

function readStored(storageKey: string): string | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage.getItem(storageKey);
  } catch {
    return null;
  }
}
