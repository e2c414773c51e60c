/** The Chinese strings of every namespace, one chunk loaded when the language is Chinese (i18n/index.ts). */
import { actionsZhCN } from './actions.zh-CN.ts';
import { galleryZhCN } from './gallery.zh-CN.ts';
import type { ResourceTree } from './translator.ts';
import { zhCN } from './zh-CN.ts';

export const zhCNBundle: Record<string, ResourceTree> = { translation: zhCN, actions: actionsZhCN, gallery: galleryZhCN };
