// One hook for a page's action on the store (undo, restore, save a setting, back up…): it runs the action,
// keeps it busy while it runs, and turns a failure into one sentence (storage errors by db/errors.ts), so no
// page writes its own try/catch or shows a raw error text.
import { useCallback, useState } from 'react';
import { storageErrorMessage } from './errors';

/** What an action says when it is done: a success (ok) or a failure, in Chinese. */
export interface ActionMessage {
  ok: boolean;
  text: string;
}

/** The result shape of the store's functions that can refuse: a value, or a sentence saying why not. */
export type StoreResult<T> = { ok: true; value: T } | { ok: false; message: string };

/** A store result as the message to show: the success sentence, or the refusal as it is. */
export function resultMessage<T>(result: StoreResult<T>, success: (value: T) => string): ActionMessage {
  return result.ok ? { ok: true, text: success(result.value) } : { ok: false, text: result.message };
}

export interface DbAction {
  busy: boolean;
  message: ActionMessage | null;
  setMessage: (message: ActionMessage | null) => void;
  /** Run a task; what it returns is shown, a thrown error becomes `failure(err)` (default: a storage sentence). */
  run: (task: () => Promise<ActionMessage | null | undefined>) => Promise<void>;
}

export function useDbAction(failure: (err: unknown) => string = storageErrorMessage): DbAction {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<ActionMessage | null>(null);
  const run = useCallback(
    async (task: () => Promise<ActionMessage | null | undefined>) => {
      setBusy(true);
      try {
        const said = await task();
        if (said) setMessage(said);
      } catch (err) {
        setMessage({ ok: false, text: failure(err) });
      } finally {
        setBusy(false);
      }
    },
    [failure],
  );
  return { busy, message, setMessage, run };
}
