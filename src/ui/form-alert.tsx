export interface FormAlertProps {
  /** Already translated; nothing is shown while it is empty. */
  message?: string;
}

/**
 * The one place a form reports errors that belong to no single field.
 * The alert container is always in the document so that assistive technology, which watches live
 * regions that already exist, announces the message the moment it is inserted.
 */
export function FormAlert({ message }: FormAlertProps) {
  return (
    <div role="alert" className="message message--error">
      {message ? <p>{message}</p> : null}
    </div>
  );
}
