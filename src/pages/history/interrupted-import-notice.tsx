// App-wide notice at start: an import cut short by a closed page or a crashed browser, named with the returns it
// saved and those it did not, until the user says 知道了.

import { db } from '../../db/database';
import { useInterruptedImports } from '../../db/hooks';
import { acknowledgeInterrupted } from '../../db/interrupted-imports';
import { useDbAction } from '../../db/use-db-action';
import { notice } from '../../domain/messages';

function when(at: number): string {
  const d = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日 ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function InterruptedImportNotice() {
  const interrupted = useInterruptedImports();
  const action = useDbAction();
  if (!interrupted || interrupted.length === 0) return null;
  return (
    <>
      {action.message && !action.message.ok && (
        <p className="notice bad" role="alert">
          {action.message.text}
        </p>
      )}
      {interrupted.map((i) => (
        <div key={i.id} className="notice bad" role="alert" data-testid="interrupted-import">
          <span className="flag bad">导入未完成</span>{' '}
          {notice('import.interrupted', {
            time: when(i.at),
            files: i.files,
            saved: i.saved.length,
            savedNames: i.saved.join('、'),
            unsaved: i.unsaved.length,
            unsavedNames: i.unsaved.join('、'),
          })}{' '}
          <button
            type="button"
            disabled={action.busy}
            onClick={() => void action.run(async () => void (await acknowledgeInterrupted(db, i.id)))}
          >
            知道了
          </button>
        </div>
      ))}
    </>
  );
}
