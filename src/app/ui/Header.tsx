/**
 * The live top bar: HeaderView with the store's scenario, hint and actions.
 */
import { useHeaderScenario } from '../gallery/header.tsx';
import { useGalleryStore } from '../gallery/context.ts';
import { useApp, useAppStore } from '../state/context.ts';
import { HeaderView } from './HeaderView.tsx';
import { useEffectiveTheme, useSystemTheme } from './theme.ts';

export function Header() {
  const store = useAppStore();
  const gallery = useGalleryStore();
  const theme = useEffectiveTheme();
  const system = useSystemTheme();
  const setting = useApp((s) => s.view.theme);
  const { titleKey, hint } = useHeaderScenario();
  return (
    <HeaderView
      titleKey={titleKey}
      {...(hint ? { hint } : {})}
      theme={theme}
      system={system}
      setting={setting}
      onTheme={(setting) => store.getState().setView({ theme: setting })}
      onReset={() => store.getState().resetWorld()}
      onGallery={() => gallery.getState().openDialog()}
    />
  );
}
