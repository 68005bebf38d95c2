import { Button, Result } from 'antd';
import { Component, type ReactNode } from 'react';
import { withTranslation, type WithTranslation } from 'react-i18next';

interface State {
  error: Error | null;
}

/** Catches render errors of a page so the rest of the app (and unsaved state elsewhere) survives. */
class ErrorBoundaryInner extends Component<WithTranslation & { children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error): void {
    console.error('[ui]', error);
  }

  override render(): ReactNode {
    const { t } = this.props;
    if (!this.state.error) return this.props.children;
    return (
      <Result
        status="error"
        title={t('errors.title')}
        subTitle={`${t('errors.boundary')} (${this.state.error.message})`}
        extra={
          <Button type="primary" onClick={() => this.setState({ error: null })}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
}

export const ErrorBoundary = withTranslation()(ErrorBoundaryInner);
