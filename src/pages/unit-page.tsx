// A unit's page: all its figures for the period and its history across stored periods.
export function UnitPage({ unitId }: { unitId: string }) {
  return (
    <section aria-labelledby="unit-title">
      <h1 id="unit-title">{unitId}</h1>
    </section>
  );
}
