import { useAnnounceOnArrival } from './announcer';

export interface NoticeProps {
  /** Already translated; nothing is shown while it is empty. */
  message?: string;
}

/**
 * A polite status message (a success or information notice). Like the form alert it stays in the
 * document while empty so that a message inserted later is announced.
 */
export function Notice({ message }: NoticeProps) {
  // A notice the screen opens with is in a region created with it, which screen readers pass over.
  useAnnounceOnArrival(message);
  return (
    <div role="status" className="message message--notice">
      {message ? <p>{message}</p> : null}
    </div>
  );
}
