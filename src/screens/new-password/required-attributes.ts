import type { InputHTMLAttributes } from 'react';

/** Standard attributes with a label of their own in the catalog (`newPassword.attributes.<name>`). */
const KNOWN_ATTRIBUTES: ReadonlySet<string> = new Set([
  'address',
  'birthdate',
  'email',
  'family_name',
  'gender',
  'given_name',
  'locale',
  'middle_name',
  'name',
  'nickname',
  'phone_number',
  'picture',
  'preferred_username',
  'profile',
  'website',
  'zoneinfo',
]);

/** Attributes with a format worth explaining (`newPassword.attributeHints.<name>`). */
const HINTED_ATTRIBUTES: ReadonlySet<string> = new Set(['birthdate', 'phone_number']);

type InputProps = Pick<InputHTMLAttributes<HTMLInputElement>, 'type' | 'autoComplete' | 'inputMode'>;

/** Lets browsers fill what they know and phones show the right keyboard. */
const INPUT_PROPS: Record<string, InputProps> = {
  email: { type: 'email', autoComplete: 'email' },
  phone_number: { type: 'tel', autoComplete: 'tel' },
  name: { autoComplete: 'name' },
  given_name: { autoComplete: 'given-name' },
  family_name: { autoComplete: 'family-name' },
  middle_name: { autoComplete: 'additional-name' },
  nickname: { autoComplete: 'nickname' },
  birthdate: { autoComplete: 'bday', inputMode: 'numeric' },
  address: { autoComplete: 'street-address' },
  website: { type: 'url', autoComplete: 'url' },
  profile: { type: 'url', autoComplete: 'url' },
  picture: { type: 'url', autoComplete: 'photo' },
  locale: { autoComplete: 'language' },
  gender: { autoComplete: 'sex' },
};

/** "custom:cost_centre" → "Cost centre": readable enough for attributes the catalog cannot know. */
export function humaniseAttributeName(name: string): string {
  const words = name.replace(/^(custom|dev):/, '').replace(/[_-]+/g, ' ').trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : name;
}

export interface AttributeFieldSpec {
  name: string;
  /** Catalog key of the label, or null to show `humanisedLabel`. */
  labelKey: string | null;
  humanisedLabel: string;
  hintKey: string | null;
  /**
   * The message for the field left empty, naming it ("Enter your full name."): the attribute's own, or for
   * an attribute the catalog cannot know one that takes the label as `field`.
   */
  requiredKey: string;
  inputProps: InputProps;
}

export function attributeFieldSpec(name: string): AttributeFieldSpec {
  return {
    name,
    labelKey: KNOWN_ATTRIBUTES.has(name) ? `newPassword.attributes.${name}` : null,
    humanisedLabel: humaniseAttributeName(name),
    hintKey: HINTED_ATTRIBUTES.has(name) ? `newPassword.attributeHints.${name}` : null,
    requiredKey: KNOWN_ATTRIBUTES.has(name) ? `newPassword.attributeErrors.${name}` : 'ui.validation.attributeRequired',
    inputProps: INPUT_PROPS[name] ?? { type: 'text' },
  };
}
