import type { ReactNode } from 'react';
import { ScreenTitle } from './screen-title';

/** A whole screen: a `<section>` named by its `<h1>` title (`titleId` is the title's id). */
export function Screen({
  titleId,
  title,
  className,
  children,
}: {
  titleId: string;
  title: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section className={className ? `screen ${className}` : 'screen'} aria-labelledby={titleId}>
      <ScreenTitle text={title}>
        <span id={titleId}>{title}</span>
      </ScreenTitle>
      {children}
    </section>
  );
}
