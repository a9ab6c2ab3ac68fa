import type { ReactNode } from 'react';
import { Icon, type IconName } from './icon';

type Kind = 'error' | 'info' | 'success' | 'warning';

const icons: Record<Kind, IconName> = { error: 'alert', info: 'info', success: 'check', warning: 'alert' };

/**
 * A message in a box. Errors use `role="alert"` (read at once by TalkBack), the others
 * `role="status"` (read when the reader is free). Render it empty-then-filled for announcements.
 */
export function Notice({ kind, children, action }: { kind: Kind; children: ReactNode; action?: ReactNode }) {
  return (
    <div className={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      <Icon name={icons[kind]} />
      <div className="notice-body">
        <p>{children}</p>
        {action}
      </div>
    </div>
  );
}
