// Catches a render error so one broken page never blanks the app; the data stays safe in the database.
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface State {
  error: Error | null;
}

export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(error, info.componentStack);
  }

  render() {
    if (this.state.error) {
      return (
        <div role="alert" className="page-error">
          <h2>页面出错了</h2>
          <p>已保存的数据不受影响。请刷新页面重试；如问题反复出现，请先在“设置”中导出备份。</p>
          <details>
            <summary>技术信息（反馈问题时请一并提供）</summary>
            <pre>{this.state.error.message}</pre>
          </details>
          <button type="button" onClick={() => this.setState({ error: null })}>
            重试
          </button>
        </div>
      );
    }
    return this.props.children;
  }
}
