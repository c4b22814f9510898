import { Errors, lowerFirst } from '../errors';

/** A decoded JSON request body. */
export type JsonObject = Record<string, unknown>;

/** Validation of request members, answering as AWS's model validation does (§0.1, §5.3 "1 validation error…"). */

export function requiredString(input: JsonObject, member: string): string {
  const value = input[member];
  if (value === undefined || value === null) throw Errors.missingMember(member);
  if (typeof value !== 'string') throw Errors.serialization(`${member} must be a string`);
  return value;
}

export function optionalString(input: JsonObject, member: string): string | undefined {
  const value = input[member];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw Errors.serialization(`${member} must be a string`);
  return value;
}

export function optionalBoolean(input: JsonObject, member: string): boolean | undefined {
  const value = input[member];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw Errors.serialization(`${member} must be a boolean`);
  return value;
}

export function optionalInteger(input: JsonObject, member: string, min: number, max: number): number | undefined {
  const value = input[member];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) throw Errors.serialization(`${member} must be an integer`);
  if (value < min || value > max) {
    const bound = value < min ? `greater than or equal to ${min}` : `less than or equal to ${max}`;
    throw Errors.invalidParameter(
      `1 validation error detected: Value '${value}' at '${lowerFirst(member)}' failed to satisfy constraint: Member must have value ${bound}`,
    );
  }
  return value;
}

export function requiredEnum<const T extends string>(input: JsonObject, member: string, allowed: readonly T[]): T {
  const value = requiredString(input, member);
  if (!(allowed as readonly string[]).includes(value)) throw Errors.enumMember(member, value, allowed);
  return value as T;
}

/**
 * A string map such as AuthParameters or ChallengeResponses. §0.1: amazon-cognito-identity-js sends `null`
 * values (DEVICE_KEY on refresh), so null entries are accepted and treated as absent.
 */
export function stringMap(input: JsonObject, member: string): Map<string, string> {
  const value = input[member];
  const result = new Map<string, string>();
  if (value === undefined || value === null) return result;
  if (typeof value !== 'object' || Array.isArray(value)) throw Errors.serialization(`${member} must be a map`);
  for (const [key, entry] of Object.entries(value as JsonObject)) {
    if (entry === null || entry === undefined) continue;
    if (typeof entry !== 'string') throw Errors.serialization(`${member}.${key} must be a string`);
    result.set(key, entry);
  }
  return result;
}

/** `[{Name, Value}]` lists (UserAttributes). */
export function attributeList(input: JsonObject, member: string, required: boolean): Array<{ name: string; value: string }> {
  const value = input[member];
  if (value === undefined || value === null) {
    if (required) throw Errors.missingMember(member);
    return [];
  }
  if (!Array.isArray(value)) throw Errors.serialization(`${member} must be a list`);
  return value.map((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null) throw Errors.serialization(`${member} entries must be objects`);
    const { Name, Value } = entry as JsonObject;
    if (typeof Name !== 'string' || Name === '') throw Errors.missingMember(`${member}.member.name`);
    if (Value !== undefined && Value !== null && typeof Value !== 'string') {
      throw Errors.serialization(`${member}.${Name} must be a string`);
    }
    return { name: Name, value: typeof Value === 'string' ? Value : '' };
  });
}

export function stringList(input: JsonObject, member: string): string[] | undefined {
  const value = input[member];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((entry) => typeof entry !== 'string')) {
    throw Errors.serialization(`${member} must be a list of strings`);
  }
  return value as string[];
}
