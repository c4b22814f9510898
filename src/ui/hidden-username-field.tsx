/**
 * The account a new password belongs to, for password managers: a form that sets a password without a
 * username field leaves them saving the password without its account, or under the wrong one (Chromium's
 * "Password Form Styles that Chromium Understands" asks for such a field, hidden with CSS). Read-only,
 * visually hidden rather than not rendered, out of the tab order and hidden from assistive technology: the
 * user neither reads nor edits it here. It is not one of the form's values either.
 */
export function HiddenUsernameField({ username }: { username: string }) {
  return (
    <input
      type="text"
      className="visually-hidden"
      name="username"
      autoComplete="username"
      value={username}
      readOnly
      tabIndex={-1}
      aria-hidden="true"
    />
  );
}
