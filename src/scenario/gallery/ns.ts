/**
 * The UI strings' namespace of the gallery's text, apart from the scenarios so that
 * the first screen can name it without loading them.
 */
export const GALLERY_NS = 'gallery';
