// Hrefs of the app's pages, in one place.
export const unitHref = (unitId: string): string => `#/unit/${encodeURIComponent(unitId)}`;
export const dataHref = (table?: string): string => (table ? `#/data/${table}` : '#/data');
