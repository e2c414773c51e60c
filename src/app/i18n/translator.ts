/**
 * The UI's translator: nested string resources per language and namespace, looked up
 * the way i18next (which the app used before) looks them up, for the subset the app
 * uses: `ns:key.path` or `{ ns }`, plurals by `count` (`_zero` for 0, then the
 * language's Intl.PluralRules suffix, then the bare key), `{{name}}` interpolation
 * with no escaping (React escapes), `defaultValue`, `lng`, and a fallback language.
 * No DOM or React here (react.ts binds it; detect.ts picks the language); about
 * 1 KB gzip where i18next, its React binding and its detector were 20 KB before the
 * terminal could take a command.
 */

/** A namespace's strings: nested objects (and lists, whose items are keyed by index: `steps.0`) with strings as leaves. */
export interface ResourceTree {
  [key: string]: ResourceNode | undefined;
}

export type ResourceNode = string | readonly ResourceNode[] | ResourceTree;

/** What `t` takes besides the key: interpolation values, and these options. */
export interface TOptions {
  ns?: string;
  /** This language instead of the current one. */
  lng?: string;
  /** Chooses the plural form, and is interpolated as `{{count}}`. */
  count?: number;
  /** The text (interpolated) when no language has the key. */
  defaultValue?: string;
  [value: string]: unknown;
}

export type TFunction = (key: string, options?: TOptions) => string;

type Listener = (language: string) => void;

/** Loads a language's namespaces that are not bundled; resolves with them (`{}` when none). */
export type ResourceLoader = (language: string) => Promise<Record<string, ResourceTree>>;

export interface TranslatorOptions {
  /** The languages the app has; the first is the fallback of every other. */
  languages: readonly string[];
  defaultNS: string;
  /** Resources present from the start, by language and namespace. */
  resources: Record<string, Record<string, ResourceTree>>;
  load?: ResourceLoader;
}

const NS_SEPARATOR = ':';
const KEY_SEPARATOR = '.';
const PLACEHOLDER = /\{\{\s*([^{}\s]+)\s*\}\}/g;

export class Translator {
  /** The current language, one of the options' languages. */
  language: string;
  private readonly data: Record<string, Record<string, ResourceTree>>;
  private readonly options: TranslatorOptions;
  private readonly listeners = new Set<Listener>();
  private readonly loaded = new Map<string, Promise<void>>();
  private readonly fixed = new Map<string, TFunction>();
  private readonly pluralRules = new Map<string, Intl.PluralRules>();

  constructor(options: TranslatorOptions) {
    this.options = options;
    this.language = options.languages[0]!;
    this.data = {};
    this.reset();
  }

  /** Back to the bundled strings only (what was loaded or added since is forgotten; the language stays). */
  reset(): void {
    for (const lng of Object.keys(this.data)) delete this.data[lng];
    this.loaded.clear();
    for (const [lng, namespaces] of Object.entries(this.options.resources)) {
      for (const [ns, tree] of Object.entries(namespaces)) this.addResourceBundle(lng, ns, tree);
    }
  }

  /** The fallback language (English). */
  get fallback(): string {
    return this.options.languages[0]!;
  }

  /** Translates a key in the current language (or `options.lng`), falling back to the fallback language. */
  t: TFunction = (key, options) => this.translate(key, options, options?.lng ?? this.language, this.options.defaultNS);

  /** A `t` of one language (null: the current one at each call) and default namespace; the same function while both stay. */
  getFixedT(lng: string | null, ns?: string): TFunction {
    const id = `${lng ?? ''}|${ns ?? ''}`;
    let t = this.fixed.get(id);
    if (!t) {
      t = (key, options) => this.translate(key, options, options?.lng ?? lng ?? this.language, options?.ns ?? ns ?? this.options.defaultNS);
      this.fixed.set(id, t);
    }
    return t;
  }

  /** Whether the key has a string in the current language or the fallback (a plural needs `count`). */
  exists(key: string, options?: TOptions): boolean {
    return this.resolve(key, options, options?.lng ?? this.language, this.options.defaultNS) !== undefined;
  }

  /** The resource at `key` (a string or a subtree) of one language and namespace. */
  getResource(lng: string, ns: string, key: string): ResourceNode | undefined {
    return lookup(this.data[lng]?.[ns], key);
  }

  /** Adds a namespace's strings, replacing those of the same top-level keys (as i18next's shallow add does). */
  addResourceBundle(lng: string, ns: string, tree: ResourceTree): void {
    const namespaces = (this.data[lng] ??= {});
    namespaces[ns] = { ...namespaces[ns], ...tree };
  }

  /** Loads the language's strings that are not bundled, then makes it current (one the app lacks: the closest it has). */
  async changeLanguage(requested: string): Promise<void> {
    const lng = this.closestLanguage([requested]);
    await this.loadLanguage(lng);
    if (lng === this.language) return;
    this.language = lng;
    for (const listener of [...this.listeners]) listener(lng);
  }

  /** Loads a language's strings through the loader, once (a failed load is tried again by the next call). */
  loadLanguage(lng: string): Promise<void> {
    const load = this.options.load;
    if (!load) return Promise.resolve();
    let pending = this.loaded.get(lng);
    if (!pending) {
      pending = load(lng).then(
        (namespaces) => {
          for (const [ns, tree] of Object.entries(namespaces)) this.addResourceBundle(lng, ns, tree);
        },
        () => {
          // Strings that failed to load leave the fallback on screen.
          this.loaded.delete(lng);
        },
      );
      this.loaded.set(lng, pending);
    }
    return pending;
  }

  /** Calls `listener` with the new language after each change; returns its removal. */
  onLanguageChanged(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * The app's language closest to the first of `codes` it can serve: the same code,
   * else one of the same base language (`zh-TW` → `zh-CN`, `en-GB` → `en`); else
   * the fallback. Tried in order over all codes, as i18next's best match is.
   */
  closestLanguage(codes: readonly string[]): string {
    const { languages } = this.options;
    const exact = codes.find((code) => languages.includes(code));
    if (exact) return exact;
    for (const code of codes) {
      const base = code.split('-')[0]!.toLowerCase();
      const same = languages.find((lng) => lng.split('-')[0]!.toLowerCase() === base);
      if (same) return same;
    }
    return this.fallback;
  }

  private translate(key: string, options: TOptions | undefined, lng: string, defaultNS: string): string {
    const found = this.resolve(key, options, lng, defaultNS);
    if (found !== undefined) return options ? interpolate(found, options) : found;
    if (options?.defaultValue !== undefined) return interpolate(options.defaultValue, options);
    return splitKey(key, defaultNS).key;
  }

  /** The string for the key: in `lng`, then the fallback; a plural form first when `count` is given. */
  private resolve(fullKey: string, options: TOptions | undefined, lng: string, defaultNS: string): string | undefined {
    const { ns, key } = splitKey(fullKey, options?.ns ?? defaultNS);
    const languages = lng === this.fallback ? [lng] : [lng, this.fallback];
    for (const language of languages) {
      const tree = this.data[language]?.[ns];
      for (const candidate of this.candidates(key, language, options?.count)) {
        const value = lookup(tree, candidate);
        if (typeof value === 'string') return value;
      }
    }
    return undefined;
  }

  private candidates(key: string, lng: string, count: number | undefined): string[] {
    if (typeof count !== 'number') return [key];
    const plural = `${key}_${this.plurals(lng).select(count)}`;
    return count === 0 ? [`${key}_zero`, plural, key] : [plural, key];
  }

  private plurals(lng: string): Intl.PluralRules {
    let rules = this.pluralRules.get(lng);
    if (!rules) {
      rules = new Intl.PluralRules(lng);
      this.pluralRules.set(lng, rules);
    }
    return rules;
  }
}

function splitKey(fullKey: string, defaultNS: string): { ns: string; key: string } {
  const at = fullKey.indexOf(NS_SEPARATOR);
  return at > 0 ? { ns: fullKey.slice(0, at), key: fullKey.slice(at + 1) } : { ns: defaultNS, key: fullKey };
}

function lookup(tree: ResourceTree | undefined, key: string): ResourceNode | undefined {
  let node: ResourceNode | undefined = tree;
  for (const part of key.split(KEY_SEPARATOR)) {
    if (node === undefined || typeof node === 'string' || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string, ResourceNode | undefined>)[part];
  }
  return node;
}

/** `{{name}}` replaced by the value's text (null: nothing); a name with no value stays as written, as in i18next. */
function interpolate(text: string, values: TOptions): string {
  if (!text.includes('{{')) return text;
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) return whole;
    return value === null ? '' : String(value);
  });
}
