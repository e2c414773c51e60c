/**
 * The gallery's English strings the first screen shows (the header's Gallery
 * button, the Guide tab's name) and the terminal's note when a link opens a
 * scenario of the user's own, which loads no gallery text: bundled with it, while the rest of the
 * namespace (gallery.en.ts, which includes these) loads when first needed.
 */
export const galleryEnFirst = {
  ui: {
    open: 'Gallery',
    openTitle: 'Guided scenarios: the articles’ experiments and more',
  },
  guide: {
    tab: 'Guide',
  },
  terminal: {
    opened: 'vethlab: opened “{{title}}”: {{count}} setup commands ran (↑ to see them). The Guide tab has the steps.',
  },
};
