export interface NoticeProps {
  /** Already translated; nothing is shown while it is empty. */
  message?: string;
}

/**
 * A polite status message (a success or information notice). Like the form alert it stays in the
 * document while empty so that a message inserted later is announced.
 */
export function Notice({ message }: NoticeProps) {
  return (
    <div role="status" className="message message--notice">
      {message ? <p>{message}</p> : null}
    </div>
  );
}
