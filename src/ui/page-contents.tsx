// A line of contents on top of a long page (设置, 图表): each entry scrolls to its section's heading.
// The address bar holds the route (#/settings), so entries are buttons that scroll, not #fragment links; the
// heading takes the focus so keyboard users continue from there.
import './page-contents.css';

export interface ContentsEntry {
  label: string;
  /** CSS selector of the heading to go to. */
  target: string;
}

function jump(selector: string) {
  const target = document.querySelector<HTMLElement>(selector);
  if (!target) return;
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.scrollIntoView({ block: 'start' });
  target.focus({ preventScroll: true });
}

export function PageContents({ entries }: { entries: readonly ContentsEntry[] }) {
  return (
    <nav aria-label="本页内容" className="page-contents no-print">
      <ul>
        {entries.map((e) => (
          <li key={e.target}>
            <button type="button" className="link-button" onClick={() => jump(e.target)}>
              {e.label}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
