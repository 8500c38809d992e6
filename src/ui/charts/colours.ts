// Chart colours, matched to the house flags (app.css): ok green, warning amber, bad red, and neutral series.
export const CHART_COLOURS = {
  ok: '#1a7f37',
  warn: '#bf8700',
  bad: '#cf222e',
  none: '#8c959f',
  credit: '#0969da',
  disbursed: '#9b1c1c',
  line: '#57606a',
} as const;
