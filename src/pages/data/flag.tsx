// A flag in words and colour (.flag.ok/.warn/.bad): the words carry the meaning, the colour only helps.
import type { FlagText } from './flags';

export function Flag({ flag }: { flag: FlagText }) {
  if (flag.tone === 'none') return <span className="muted">{flag.label}</span>;
  return <span className={`flag ${flag.tone}`}>{flag.label}</span>;
}
