import { useId } from 'react';

interface Props {
  /** The id of the field's visible name ("Photo (optional)"): read before the button's words. */
  labelledBy: string;
  /** The button's words, in the app's language ("Choose a photo"). */
  button: string;
  /** What it says while nothing is chosen ("No photo chosen"). */
  none: string;
  /** The chosen file's name, if any. */
  chosen: string | null;
  accept?: string;
  describedBy?: string | undefined;
  invalid?: boolean;
  onChosen(file: File | null): void;
}

/**
 * One file, picked in the app's language: Chromium writes a file input's "Choose File" and
 * "No file chosen" in the browser's, so the input is hidden to the eye (still focused and
 * read by screen readers) under a button of ours, and the chosen name is written beside it.
 */
export function FilePicker({ labelledBy, button, none, chosen, accept, describedBy, invalid, onChosen }: Props) {
  const id = useId();
  return (
    <div className="file-picker">
      <label className="button small">
        <span id={`${id}-button`}>{button}</span>
        <input
          type="file"
          className="visually-hidden"
          accept={accept}
          aria-labelledby={`${labelledBy} ${id}-button`}
          aria-describedby={describedBy}
          aria-invalid={invalid ? true : undefined}
          onChange={(e) => onChosen(e.target.files?.[0] ?? null)}
        />
      </label>
      <span className={chosen ? 'file-chosen' : 'file-chosen muted'}>{chosen ?? none}</span>
    </div>
  );
}
