// Hrefs of the app's pages, in one place.
export const unitHref = (unitId: string): string => `#/unit/${encodeURIComponent(unitId)}`;
export const dataHref = (table?: string): string => (table ? `#/data/${table}` : '#/data');
/** 手工录入, for a unit and period when given (the page then starts from its current figures). */
export const entryHref = (unitId?: string, period?: string | null): string =>
  unitId ? `#/entry/${encodeURIComponent(unitId)}${period ? `/${period}` : ''}` : '#/entry';
