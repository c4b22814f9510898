/**
 * Writes emulator/model/cognito-idp-inputs.json: the request shapes of the operations this local pool answers,
 * with the constraints of Cognito's service model (length, pattern, range, enum, required, sensitive), so
 * requests are refused as AWS's own model validation refuses them (docs/cognito-behaviour.md §0.6).
 *
 * The model is botocore's `botocore/data/cognito-idp/2016-04-18/service-2.json` (the AWS CLI ships the same
 * file, gzipped in recent versions). Run again when an operation is added:
 *
 *   npx tsx emulator/model/extract-inputs.ts <path to service-2.json or service-2.json.gz>
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { OPERATIONS } from '../operations';

interface ModelShape {
  type: string;
  members?: Record<string, { shape: string }>;
  required?: string[];
  member?: { shape: string };
  key?: { shape: string };
  value?: { shape: string };
  min?: number;
  max?: number;
  pattern?: string;
  enum?: string[];
  sensitive?: boolean;
}

interface Model {
  metadata: { apiVersion: string; targetPrefix: string };
  operations: Record<string, { input?: { shape: string } }>;
  shapes: Record<string, ModelShape>;
}

const OUTPUT = fileURLToPath(new URL('./cognito-idp-inputs.json', import.meta.url));

function main(): void {
  const path = process.argv[2];
  if (!path) {
    console.error('usage: npx tsx emulator/model/extract-inputs.ts <service-2.json[.gz]>');
    process.exit(2);
  }
  const raw = readFileSync(path);
  const model = JSON.parse((path.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8')) as Model;
  const operations: Record<string, string> = {};
  const shapes: Record<string, ModelShape> = {};

  const visit = (name: string): void => {
    if (shapes[name]) return;
    const shape = model.shapes[name];
    if (!shape) throw new Error(`shape ${name} is not in the model`);
    // Only what validation needs; the documentation strings stay in the model.
    const kept: ModelShape = { type: shape.type };
    for (const key of ['min', 'max', 'pattern', 'enum', 'sensitive', 'required'] as const) {
      if (shape[key] !== undefined) Object.assign(kept, { [key]: shape[key] });
    }
    shapes[name] = kept;
    if (shape.members) {
      kept.members = Object.fromEntries(Object.entries(shape.members).map(([member, ref]) => [member, { shape: ref.shape }]));
      for (const ref of Object.values(shape.members)) visit(ref.shape);
    }
    for (const key of ['member', 'key', 'value'] as const) {
      const ref = shape[key];
      if (ref) {
        kept[key] = { shape: ref.shape };
        visit(ref.shape);
      }
    }
  };

  for (const operation of [...Object.keys(OPERATIONS)].sort()) {
    const input = model.operations[operation]?.input?.shape;
    if (!input) throw new Error(`operation ${operation} has no input shape in the model`);
    operations[operation] = input;
    visit(input);
  }
  const sortedShapes = Object.fromEntries(Object.entries(shapes).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(
    OUTPUT,
    `${JSON.stringify({ source: `botocore cognito-idp ${model.metadata.apiVersion} service-2.json`, operations, shapes: sortedShapes }, null, 1)}\n`,
  );
  process.stdout.write(`wrote ${OUTPUT}: ${Object.keys(operations).length} operations, ${Object.keys(shapes).length} shapes\n`);
}

main();
