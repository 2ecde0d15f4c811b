import type { ReactNode } from 'react';

export interface EmptyStateProps {
  icon?: ReactNode;
  /**
   * One paragraph that teaches the next step. Plain text in one element, so it reads as one
   * sentence to assistive technology and to tests that look for it.
   */
  children: ReactNode;
  className?: string;
}

/** A quiet placeholder for a pane with nothing to show yet. */
export function EmptyState({ icon, children, className }: EmptyStateProps) {
  return (
    <div className={className ? `empty-state ${className}` : 'empty-state'}>
      {icon ? (
        <div className="empty-state-icon" aria-hidden="true">
          {icon}
        </div>
      ) : null}
      <p className="empty-state-text">{children}</p>
    </div>
  );
}
