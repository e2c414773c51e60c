/**
 * The gallery's English text is not in the first load: the translator starts with the
 * few strings the first screen shows, and `loadGalleryText` adds the rest (its
 * own chunk) before the gallery, the Guide tab or a restored scenario's header
 * render. Run in Node, through the app's own translator setup.
 */
import { i18n } from '../../src/app/i18n/index.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { bootState, withScenarioHeader } from '../../src/app/boot/initial.ts';
import { STARTER_SNAPSHOT } from '../../src/app/graph/starter-snapshot.ts';
import { GALLERY_STORAGE_KEY, GALLERY_VERSION } from '../../src/app/gallery/saved.ts';
import { galleryEn } from '../../src/app/i18n/gallery.en.ts';
import { galleryEnFirst } from '../../src/app/i18n/gallery.en.first.ts';
import { initI18n, loadGalleryText } from '../../src/app/i18n/index.ts';
import { DEFAULT_VIEW, saveSession } from '../../src/app/state/persist.ts';
import { GALLERY, GALLERY_NS } from '../../src/scenario/gallery/index.ts';
import { MemoryStorage } from './memory-storage.ts';

describe('the gallery’s English text, loaded when needed', () => {
  beforeAll(async () => {
    await initI18n();
    await i18n.changeLanguage('en');
  });

  it('starts with what the first screen shows, the same strings as the whole text', () => {
    expect(i18n.t('ui.open', { ns: GALLERY_NS })).toBe('Gallery');
    expect(i18n.t('guide.tab', { ns: GALLERY_NS })).toBe('Guide');
    expect(galleryEn.ui).toMatchObject(galleryEnFirst.ui);
    expect(galleryEn.guide).toMatchObject(galleryEnFirst.guide);
    expect(i18n.exists(GALLERY[0]!.titleKey)).toBe(false);
  });

  it('has every string once loaded, the first screen’s too', async () => {
    await loadGalleryText();
    await loadGalleryText(); // once is enough; again is harmless
    for (const scenario of GALLERY) {
      for (const key of [scenario.titleKey, scenario.summaryKey, scenario.todayKey!, ...scenario.steps.map((s) => s.textKey)]) {
        expect(i18n.exists(key), key).toBe(true);
      }
    }
    expect(i18n.t('ui.dialogTitle', { ns: GALLERY_NS })).toBe(galleryEn.ui.dialogTitle);
    expect(i18n.t('gallery:header.next')).toBe(galleryEn.header.next);
    expect(i18n.t('ui.open', { ns: GALLERY_NS })).toBe('Gallery');
    expect(i18n.t('guide.tab', { ns: GALLERY_NS })).toBe('Guide');
  });

  it('gives the first screen a restored scenario’s title and next step', async () => {
    const scenario = GALLERY[1]!;
    const storage = new MemoryStorage();
    saveSession(storage, { seed: 1, commands: [...scenario.commands], positions: {}, view: { ...DEFAULT_VIEW } });
    storage.setItem(GALLERY_STORAGE_KEY, JSON.stringify({ version: GALLERY_VERSION, id: scenario.id, step: 1, guide: true }));
    const saved = bootState(storage, STARTER_SNAPSHOT);
    expect(saved.header.titleKey).toBe('scenario.twoNetworks.title');
    const { header } = await withScenarioHeader(saved);
    expect(header.titleKey).toBe(scenario.titleKey);
    expect(header.hint).toEqual({ line: scenario.steps[1]!.command, labelKey: 'gallery:header.next', step: 1 });
    expect(i18n.t(header.titleKey)).toBe(galleryEn.scenarios[scenario.id as keyof typeof galleryEn.scenarios].title);

    // Without a saved scenario the state is kept as it is.
    const starter = bootState(new MemoryStorage(), STARTER_SNAPSHOT);
    expect(await withScenarioHeader(starter)).toBe(starter);
  });

  it('in Chinese too, and back in English', async () => {
    const title = GALLERY[0]!.titleKey;
    await i18n.changeLanguage('zh-CN');
    expect(i18n.t('ui.open', { ns: GALLERY_NS })).toBe('场景库');
    expect(i18n.t(title)).toMatch(/[\u4e00-\u9fff]/);
    await i18n.changeLanguage('en');
    expect(i18n.t('ui.open', { ns: GALLERY_NS })).toBe('Gallery');
    expect(i18n.t(title)).toBe(galleryEn.scenarios[GALLERY[0]!.id as keyof typeof galleryEn.scenarios].title);
  });
});
