// The line an action leaves behind: a success as a status, a failure as an alert (read out at once).
export function ActionNotice({ message }: { message: { ok: boolean; text: string } | null }) {
  if (!message) return null;
  return (
    <p className={`notice ${message.ok ? 'ok' : 'bad'}`} role={message.ok ? 'status' : 'alert'}>
      {message.text}
    </p>
  );
}
