// A section of a unit's figures as a definition list: label with unit, value right-aligned.
import type { ReactNode } from 'react';

export interface Figure {
  label: string;
  value: ReactNode;
}

export function FigureList({
  title,
  figures,
  children,
}: {
  title: string;
  figures: Figure[];
  children?: ReactNode;
}) {
  return (
    <section aria-label={title}>
      <h3>{title}</h3>
      <dl>
        {figures.map((f) => (
          <div key={f.label} style={{ display: 'contents' }}>
            <dt>{f.label}</dt>
            <dd>{f.value}</dd>
          </div>
        ))}
      </dl>
      {children}
    </section>
  );
}
