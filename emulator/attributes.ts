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
