/**
 * The user-pool attribute schema: Cognito's standard attributes (as DescribeUserPool lists them for a new pool)
 * plus a pool's custom attributes.
 */
export type AttributeDataType = 'String' | 'Number' | 'DateTime' | 'Boolean';

export interface AttributeDefinition {
  name: string;
  dataType: AttributeDataType;
  mutable: boolean;
  required: boolean;
  custom: boolean;
}

const STANDARD: ReadonlyArray<[name: string, dataType: AttributeDataType, mutable: boolean]> = [
  ['sub', 'String', false],
  ['name', 'String', true],
  ['given_name', 'String', true],
  ['family_name', 'String', true],
  ['middle_name', 'String', true],
  ['nickname', 'String', true],
  ['preferred_username', 'String', true],
  ['profile', 'String', true],
  ['picture', 'String', true],
  ['website', 'String', true],
  ['email', 'String', true],
  ['email_verified', 'Boolean', true],
  ['gender', 'String', true],
  ['birthdate', 'String', true],
  ['zoneinfo', 'String', true],
  ['locale', 'String', true],
  ['phone_number', 'String', true],
  ['phone_number_verified', 'Boolean', true],
  ['address', 'String', true],
  ['updated_at', 'Number', true],
];

/**
 * Attributes a user may never set through a challenge answer: `sub` is immutable, and the `*_verified` flags
 * are only for administrators (§4.2: "Cannot modify the non-mutable attribute email_verified").
 */
export const NOT_USER_WRITABLE = new Set(['sub', 'email_verified', 'phone_number_verified']);

/**
 * §4.12, §4.2: an email address or phone number that changes is no longer verified: the proof of ownership was
 * for the old value, and ForgotPassword must not send codes to an address nobody has proven (§8). The flag
 * stays as it is when the value did not change, when the same change sets the flag itself (administrators
 * only: a user may not write it, NOT_USER_WRITABLE), or when the user never had the flag (absent reads as not
 * verified). Call it after the new value is in `attributes`.
 */
export function unverifyIfChanged(
  attributes: Map<string, string>,
  name: string,
  previous: string | undefined,
  namesInSameChange: ReadonlySet<string>,
): void {
  const flag = name === 'email' ? 'email_verified' : name === 'phone_number' ? 'phone_number_verified' : null;
  if (flag === null || attributes.get(name) === previous || namesInSameChange.has(flag) || !attributes.has(flag)) return;
  attributes.set(flag, 'false');
}

/**
 * §4.12: the names among `names` that the pool schema does not have, each once, in the order first sent. Cognito
 * reports every one of them in one answer, not only the first.
 */
export function namesOutsideSchema(schema: ReadonlyMap<string, AttributeDefinition>, names: Iterable<string>): string[] {
  const outside = new Set<string>();
  for (const name of names) if (!schema.has(name)) outside.add(name);
  return [...outside];
}

export function buildSchema(
  requiredAttributes: readonly string[],
  customAttributes: ReadonlyArray<{ Name: string; AttributeDataType: AttributeDataType; Mutable: boolean }>,
): Map<string, AttributeDefinition> {
  const schema = new Map<string, AttributeDefinition>();
  for (const [name, dataType, mutable] of STANDARD) {
    schema.set(name, { name, dataType, mutable, required: name === 'sub' || requiredAttributes.includes(name), custom: false });
  }
  for (const custom of customAttributes) {
    const name = `custom:${custom.Name}`;
    schema.set(name, { name, dataType: custom.AttributeDataType, mutable: custom.Mutable, required: false, custom: true });
  }
  return schema;
}

/** DescribeUserPool `SchemaAttributes` entry (§4.17: string constraints are strings). */
export function describeSchemaAttribute(definition: AttributeDefinition): Record<string, unknown> {
  const described: Record<string, unknown> = {
    // Custom attributes are listed with their `custom:` prefix, as DescribeUserPool shows them.
    Name: definition.name,
    AttributeDataType: definition.dataType,
    DeveloperOnlyAttribute: false,
    Mutable: definition.mutable,
    Required: definition.required,
  };
  if (definition.dataType === 'String') {
    described.StringAttributeConstraints = {
      MinLength: definition.name === 'sub' ? '1' : '0',
      MaxLength: definition.name === 'birthdate' ? '10' : '2048',
    };
  }
  if (definition.dataType === 'Number') described.NumberAttributeConstraints = { MinValue: '0' };
  return described;
}
