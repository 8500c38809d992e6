// A 删除 button for a kept record: asks first, deletes, and says it is done, through the page's one action hook.
import type { DbAction } from '../../db/use-db-action';

export function DeleteButton({
  action,
  label,
  ariaLabel,
  confirmText,
  doneText,
  onDelete,
}: {
  action: DbAction;
  label: string;
  ariaLabel: string;
  confirmText: string;
  doneText: string;
  onDelete: () => Promise<void>;
}) {
  return (
    <button
      type="button"
      className="button"
      disabled={action.busy}
      aria-label={ariaLabel}
      onClick={() =>
        action.run(async () => {
          if (!window.confirm(confirmText)) return null;
          await onDelete();
          return { ok: true, text: doneText };
        })
      }
    >
      {label}
    </button>
  );
}
