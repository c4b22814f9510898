import { readFileSync } from 'node:fs';
import { Errors, lowerFirst } from '../errors';
import type { JsonObject } from '../operations/input';

/**
 * AWS's model validation of a request (docs/cognito-behaviour.md §0.6): every member of the operation's input is
 * checked against the constraints of Cognito's service model (cognito-idp-inputs.json, written by
 * extract-inputs.ts) before the operation runs, and every violation is reported in one
 * InvalidParameterException, in AWS's words:
 *
 *   2 validation errors detected: Value at 'password' failed to satisfy constraint: Member must have length
 *   greater than or equal to 6; Value at 'username' failed to satisfy constraint: Member must satisfy regular
 *   expression pattern: [\p{L}\p{M}\p{S}\p{N}\p{P}]+
 *
 * Security: this is also what keeps the pool's memory bounded, since no name, code or token longer than Cognito
 * accepts reaches the store (§1.1).
 */

interface ShapeRef {
  shape: string;
}

interface Shape {
  type: 'structure' | 'string' | 'integer' | 'long' | 'boolean' | 'list' | 'map' | 'timestamp' | 'blob' | 'double' | 'float';
  members?: Record<string, ShapeRef>;
  required?: string[];
  member?: ShapeRef;
  key?: ShapeRef;
  value?: ShapeRef;
  min?: number;
  max?: number;
  pattern?: string;
  enum?: string[];
  sensitive?: boolean;
}

interface InputModel {
  source: string;
  operations: Record<string, string>;
  shapes: Record<string, Shape>;
}

const MODEL = JSON.parse(readFileSync(new URL('./cognito-idp-inputs.json', import.meta.url), 'utf8')) as InputModel;

/**
 * Java's Pattern.matches: the whole value must match (a client id with a `-` fails `[\w+]+`, observed:
 * boto/boto3#3581). The model's patterns are valid `u`-mode JS as written.
 */
const patterns = new Map<string, RegExp>();
function patternOf(source: string): RegExp {
  let compiled = patterns.get(source);
  if (!compiled) {
    compiled = new RegExp(`^(?:${source})$`, 'u');
    patterns.set(source, compiled);
  }
  return compiled;
}

/**
 * Shapes whose pattern Cognito no longer applies as the model writes it. PasswordType says `[\S]+`, which refused
 * any space (observed in 2018: aws-amplify/amplify-js#869), but Cognito now counts the space as a symbol and allows
 * it inside a password, not at either end (documented: DG user-pool-settings-policies; corroborated:
 * aws-amplify/amplify-swift#3129). [U] A leading or trailing space is refused with the model's pattern in the
 * message, as the 2018 answer read.
 */
const PATTERN_AS_APPLIED: Readonly<Record<string, RegExp>> = {
  PasswordType: /^\S(?:[\s\S]*\S)?$/u,
};

interface Problem {
  path: string;
  /** How the value is quoted: `null` for a missing member, nothing for a sensitive one. */
  shown: string | null;
  constraint: string;
}

/** The operations whose input this module knows (every operation the pool answers; a test checks it). */
export function modelledOperations(): string[] {
  return Object.keys(MODEL.operations);
}

/**
 * Throws InvalidParameterException listing every constraint the input breaks, or SerializationException when a
 * member has the wrong JSON type (AWS's JSON protocol fails to read such a body before validating it).
 */
export function validateInput(operation: string, input: JsonObject): void {
  const shapeName = MODEL.operations[operation];
  if (!shapeName) return;
  const problems: Problem[] = [];
  checkStructure(MODEL.shapes[shapeName], input, '', problems);
  if (problems.length === 0) return;
  // [C] Ordered by member path, each member's length before its pattern: the order of the one multi-error
  // capture found (amazon-archives/amazon-cognito-identity-js#388, 'password' before 'username').
  problems.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const count = problems.length;
  const details = problems.map(
    (problem) => `Value ${problem.shown === null ? '' : `${problem.shown} `}at '${problem.path}' failed to satisfy constraint: ${problem.constraint}`,
  );
  throw Errors.invalidParameter(`${count} validation error${count === 1 ? '' : 's'} detected: ${details.join('; ')}`);
}

function shapeOf(ref: ShapeRef): Shape {
  const shape = MODEL.shapes[ref.shape];
  if (!shape) throw new Error(`model shape ${ref.shape} is missing from cognito-idp-inputs.json`);
  return shape;
}

/** The expression a string shape's value is tested with: the model's pattern, or what Cognito applies instead. */
function testedPattern(shape: Shape): RegExp | null {
  if (shape.pattern === undefined) return null;
  for (const [name, applied] of Object.entries(PATTERN_AS_APPLIED)) if (MODEL.shapes[name] === shape) return applied;
  return patternOf(shape.pattern);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typeError(path: string, expected: string): never {
  throw Errors.serialization(`${path || 'the request body'} must be ${expected}`);
}

function checkStructure(shape: Shape, value: unknown, path: string, problems: Problem[]): void {
  if (!isObject(value)) typeError(path, 'an object');
  for (const member of shape.required ?? []) {
    if (value[member] === undefined || value[member] === null) {
      problems.push({ path: join(path, member), shown: 'null', constraint: 'Member must not be null' });
    }
  }
  for (const [member, ref] of Object.entries(shape.members ?? {})) {
    const memberValue = value[member];
    // A null member is an absent one (§0.1: clients send nulls).
    if (memberValue === undefined || memberValue === null) continue;
    checkValue(shapeOf(ref), memberValue, join(path, member), problems);
  }
}

function join(path: string, member: string): string {
  const name = lowerFirst(member);
  return path ? `${path}.${name}` : name;
}

function checkValue(shape: Shape, value: unknown, path: string, problems: Problem[]): void {
  switch (shape.type) {
    case 'structure':
      checkStructure(shape, value, path, problems);
      return;
    case 'list': {
      if (!Array.isArray(value)) typeError(path, 'a list');
      for (const constraint of lengthConstraints(shape, value.length)) problems.push({ path, shown: shown(shape, value), constraint });
      const memberShape = shapeOf(shape.member ?? { shape: '' });
      value.forEach((item, index) => {
        if (memberShape.type === 'structure') checkStructure(memberShape, item, `${path}.${index + 1}.member`, problems);
        else {
          const inner = scalarConstraints(memberShape, item, `${path}.${index + 1}.member`);
          if (inner.length > 0) problems.push({ path, shown: shown(shape, value), constraint: `Member must satisfy constraint: [${inner.join(', ')}]` });
        }
      });
      return;
    }
    case 'map': {
      if (!isObject(value)) typeError(path, 'a map');
      const entries = Object.entries(value);
      for (const constraint of lengthConstraints(shape, entries.length)) problems.push({ path, shown: shown(shape, value), constraint });
      const keyShape = shapeOf(shape.key ?? { shape: '' });
      const valueShape = shapeOf(shape.value ?? { shape: '' });
      const keyProblems = new Set<string>();
      const valueProblems = new Set<string>();
      for (const [key, item] of entries) {
        for (const constraint of scalarConstraints(keyShape, key, `${path}.${key}`)) keyProblems.add(constraint);
        // §0.1: amazon-cognito-identity-js sends null map values (DEVICE_KEY); they count as absent.
        if (item === null || item === undefined) continue;
        for (const constraint of scalarConstraints(valueShape, item, `${path}.${key}`)) valueProblems.add(constraint);
      }
      if (keyProblems.size > 0) {
        problems.push({ path, shown: shown(shape, value), constraint: `Map keys must satisfy constraint: [${[...keyProblems].join(', ')}]` });
      }
      if (valueProblems.size > 0) {
        problems.push({ path, shown: shown(shape, value), constraint: `Map value must satisfy constraint: [${[...valueProblems].join(', ')}]` });
      }
      return;
    }
    default:
      for (const constraint of scalarConstraints(shape, value, path)) problems.push({ path, shown: shown(shape, value), constraint });
  }
}

/** The constraints a string, number or boolean breaks, each as AWS words it. */
function scalarConstraints(shape: Shape, value: unknown, path: string): string[] {
  switch (shape.type) {
    case 'string': {
      if (typeof value !== 'string') typeError(path, 'a string');
      const broken = lengthConstraints(shape, value.length);
      const pattern = testedPattern(shape);
      if (pattern !== null && !pattern.test(value)) {
        broken.push(`Member must satisfy regular expression pattern: ${shape.pattern}`);
      }
      if (shape.enum && !shape.enum.includes(value)) broken.push(`Member must satisfy enum value set: [${shape.enum.join(', ')}]`);
      return broken;
    }
    case 'integer':
    case 'long': {
      if (typeof value !== 'number' || !Number.isInteger(value)) typeError(path, 'an integer');
      const broken: string[] = [];
      if (shape.min !== undefined && value < shape.min) broken.push(`Member must have value greater than or equal to ${shape.min}`);
      if (shape.max !== undefined && value > shape.max) broken.push(`Member must have value less than or equal to ${shape.max}`);
      return broken;
    }
    case 'boolean':
      if (typeof value !== 'boolean') typeError(path, 'a boolean');
      return [];
    case 'double':
    case 'float':
      if (typeof value !== 'number') typeError(path, 'a number');
      return [];
    default:
      return [];
  }
}

function lengthConstraints(shape: Shape, length: number): string[] {
  const broken: string[] = [];
  if (shape.min !== undefined && length < shape.min) broken.push(`Member must have length greater than or equal to ${shape.min}`);
  if (shape.max !== undefined && length > shape.max) broken.push(`Member must have length less than or equal to ${shape.max}`);
  return broken;
}

/**
 * How AWS quotes a value in the message: strings and numbers in single quotes, lists and maps as Java prints
 * them. Security: a member whose shape the model marks sensitive (passwords, usernames, tokens, codes) is not
 * quoted at all ("Value at 'password' …", observed: amazon-archives/amazon-cognito-identity-js#388).
 */
function shown(shape: Shape, value: unknown): string | null {
  if (shape.sensitive) return null;
  return `'${javaString(value)}'`;
}

function javaString(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(javaString).join(', ')}]`;
  if (isObject(value)) return `{${Object.entries(value).map(([key, item]) => `${key}=${javaString(item)}`).join(', ')}}`;
  return String(value);
}
