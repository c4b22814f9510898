import { useAppTranslation } from './use-app-translation';

/** The shape of one password rule; the config's `passwordRules(policy)` produces these. */
export interface ChecklistRule {
  id: string;
  test(password: string): boolean;
  messageKey: string;
  values?: Record<string, string | number>;
}

export interface PasswordPolicyChecklistProps {
  id: string;
  rules: readonly ChecklistRule[];
  password: string;
}

/**
 * The policy as a list, visible before the first keystroke and ticked off while typing.
 * Met/unmet is carried by a symbol and by words, not by colour alone. The list is deliberately not a
 * live region: announcing every rule change at every keystroke would drown out the typing; the input
 * points at it with aria-describedby so a screen reader reads it when the field takes focus.
 */
export function PasswordPolicyChecklist({ id, rules, password }: PasswordPolicyChecklistProps) {
  const { t } = useAppTranslation();
  const headingId = `${id}-heading`;
  return (
    <div className="policy-checklist" id={id}>
      <p className="policy-checklist__heading" id={headingId}>
        {t('ui.policy.heading')}
      </p>
      <ul className="policy-checklist__list" aria-labelledby={headingId}>
        {rules.map((rule) => {
          const met = rule.test(password);
          return (
            <li key={rule.id} className={met ? 'policy-checklist__item policy-checklist__item--met' : 'policy-checklist__item'} data-met={met}>
              <span className="policy-checklist__mark" aria-hidden="true">
                {met ? '✓' : '○'}
              </span>{' '}
              {t(rule.messageKey, rule.values)}
              <span className="visually-hidden">{`, ${met ? t('ui.policy.met') : t('ui.policy.notMet')}`}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
