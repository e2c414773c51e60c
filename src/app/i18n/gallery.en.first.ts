/**
 * The gallery's English strings the first screen shows (the header's Gallery
 * button, the Guide tab's name): bundled with it, while the rest of the
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
};
