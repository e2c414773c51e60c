/**
 * An error boundary around one panel (the canvas, the terminal, each side
 * panel, the gallery): should the panel throw while it draws, it says so in the
 * UI's language and offers to draw it again. The world lives in the store,
 * outside React, so it is kept; the other panels (the terminal among them) go
 * on, and the session is saved as before.
 */
import { Component, type ReactNode } from 'react';
import { useTranslation } from '../i18n/react.ts';
import { FaultProbe } from './test-fault.ts';

export type PanelName = 'canvas' | 'terminal' | 'trace' | 'rules' | 'inspector' | 'guide' | 'gallery';

function PanelError({ panel, error, onRetry }: { panel: PanelName; error: Error; onRetry(): void }) {
  const { t } = useTranslation();
  return (
    <div className="panel-error" role="alert" data-testid={`panel-error-${panel}`}>
      <p>{t('boundary.failed', { panel: t(`boundary.panel.${panel}`) })}</p>
      <p className="mono small">{error.message}</p>
      <button type="button" onClick={onRetry}>
        {t('boundary.retry')}
      </button>
    </div>
  );
}

interface BoundaryProps {
  panel: PanelName;
  children: ReactNode;
}

export class PanelBoundary extends Component<BoundaryProps, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render() {
    const { error } = this.state;
    if (error) return <PanelError panel={this.props.panel} error={error} onRetry={() => this.setState({ error: null })} />;
    return (
      <>
        <FaultProbe panel={this.props.panel} />
        {this.props.children}
      </>
    );
  }
}
