// Where files come in: a drop zone that also opens the picker (mouse or keyboard), and the labelled picker itself,
// drawn as a button (the browser's own picker would say "Choose Files / No file chosen" in the system language).
import { type DragEvent, type KeyboardEvent, type ReactNode, useId, useRef, useState } from 'react';

export const ACCEPTED = '.xlsx,.xls,.csv';

export function DropZone({
  onFiles,
  onIntent,
  disabled,
  children,
}: {
  onFiles: (files: File[]) => void;
  /** The user is about to add files: the pointer or the focus reached the zone or its buttons, or a drag came in. */
  onIntent?: () => void;
  disabled: boolean;
  /** More actions on the picker's line (载入示例数据). */
  children?: ReactNode;
}) {
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const hintId = useId();
  const [dragging, setDragging] = useState(false);

  const open = () => {
    if (!disabled) inputRef.current?.click();
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    if (!disabled) onFiles([...e.dataTransfer.files]);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      open();
    }
  };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: passive listeners that only start the readers early; the user's actions are the zone's and the buttons' own
    <div onPointerEnter={onIntent} onFocus={onIntent} onDragEnter={onIntent}>
      {/* biome-ignore lint/a11y/useSemanticElements: a drop target must be a block that accepts drops; it acts as a button for keyboards */}
      <div
        className={dragging ? 'drop-zone dragging' : 'drop-zone'}
        role="button"
        tabIndex={0}
        aria-disabled={disabled}
        aria-describedby={hintId}
        onClick={open}
        onKeyDown={onKeyDown}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <strong>将月报文件拖到这里</strong>，或点击此处选择文件
        <div id={hintId} className="muted">
          可一次选择多个 .xlsx、.xls 或 .csv 文件；读取在后台进行，页面可继续操作。
        </div>
      </div>
      <div className="toolbar">
        <input
          ref={inputRef}
          id={inputId}
          className="visually-hidden file-input"
          type="file"
          multiple
          accept={ACCEPTED}
          disabled={disabled}
          onChange={(e) => {
            const files = [...(e.currentTarget.files ?? [])];
            // Cleared so that choosing the same file again is seen as a change.
            e.currentTarget.value = '';
            onFiles(files);
          }}
        />
        <label className={disabled ? 'button disabled' : 'button'} htmlFor={inputId}>
          选择文件…
        </label>
        {children}
      </div>
    </div>
  );
}
