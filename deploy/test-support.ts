import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { SPA_ROUTING_SOURCE, createSiteStack, type SiteStack } from './site-stack';

/** Helpers for deploy/*.test.ts: a small production build, and an offline synthesis of the stack. */

export const ACCOUNT = '123456789012';

const temporary: string[] = [];
export function temporaryDirectory(prefix: string): string {
  const directory = mkdtempSync(join(tmpdir(), prefix));
  temporary.push(directory);
  return directory;
}

/** Removes the builds and cloud assemblies made so far (each assembly holds a copy of the AWS CLI layer). */
export function removeTemporaryDirectories(): void {
  for (const directory of temporary.splice(0)) rmSync(directory, { recursive: true, force: true });
}

/** A build as `npm run build` lays it out, small: index.html, hashed assets, and the public/ files. */
export function fakeBuild(): string {
  const dist = temporaryDirectory('deploy-dist-');
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><div id="root"></div><script type="module" src="/assets/index-Ab12Cd34.js"></script>');
  writeFileSync(join(dist, 'assets', 'index-Ab12Cd34.js'), 'console.log("app")');
  writeFileSync(join(dist, 'assets', 'index-Ef56Gh78.css'), 'body{margin:0}');
  // The build's own config.json points at the local pool: a deployment must replace it.
  writeFileSync(join(dist, 'config.json'), readFileSync(new URL('../public/config.json', import.meta.url)));
  writeFileSync(join(dist, 'theme.css'), '/* no rules */');
  writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return dist;
}

export interface Synthesized {
  app: App;
  stack: SiteStack;
  template: Template;
  /** The directory of the cloud assembly, where file assets are staged. */
  outdir: string;
}

/**
 * `cdk synth` in-process, as the CLI runs deploy/app.ts but with an explicit account: no credentials, no
 * network, no Docker. `validate` runs CDK's built-in CloudFormation template validation (a few seconds).
 */
export function synthesize(context: Record<string, unknown>, { validate = false } = {}): Synthesized {
  const outdir = temporaryDirectory('deploy-cdk-out-');
  const app = new App({ outdir, context, builtinCloudFormationValidation: validate });
  const stack = createSiteStack(app, { account: ACCOUNT });
  const template = Template.fromStack(stack);
  return { app, stack, template, outdir };
}

type Resource = { Type: string; Properties: Record<string, unknown> };

/** The one resource of a type whose logical id starts with `prefix`. */
export function resource(template: Template, type: string, prefix = ''): Resource {
  const matches = Object.entries(template.findResources(type) as Record<string, Resource>).filter(([id]) => id.startsWith(prefix));
  if (matches.length !== 1) throw new Error(`expected one ${type} ${prefix}, found ${matches.length}`);
  return matches[0][1];
}

/** The files one BucketDeployment uploads, by key: its sources' staged directories, merged in order. */
export function deployedFiles(synthesized: Synthesized, deploymentPrefix: string): Map<string, string> {
  const properties = resource(synthesized.template, 'Custom::CDKBucketDeployment', deploymentPrefix).Properties;
  const files = new Map<string, string>();
  for (const key of properties.SourceObjectKeys as string[]) {
    const directory = join(synthesized.outdir, `asset.${key.replace(/\.zip$/, '')}`);
    for (const name of readdirSync(directory, { recursive: true, encoding: 'utf8' }).sort()) {
      if (statSync(join(directory, name)).isFile()) files.set(name, readFileSync(join(directory, name), 'utf8'));
    }
  }
  return files;
}

/** A CloudFront Functions viewer-request event, with only what the function reads and passes on. */
export function viewerRequest(uri: string) {
  return {
    version: '1.0',
    context: { eventType: 'viewer-request' },
    viewer: { ip: '192.0.2.1' },
    request: { method: 'GET', uri, querystring: { lang: { value: 'ja' } }, headers: { host: { value: 'account.example.com' } }, cookies: {} },
  };
}

type Handler = (event: ReturnType<typeof viewerRequest>) => { uri: string; querystring: unknown; headers: unknown };

/** The function as CloudFront runs it: the file's source, evaluated on its own, `handler` called by name. */
export function loadHandler(source = readFileSync(SPA_ROUTING_SOURCE, 'utf8')): Handler {
  return new Function(`${source}\nreturn handler;`)() as Handler;
}

export const APP_ROUTES = ['/', '/sign-in', '/account', '/account/change-password', '/forgot-password', '/reset-password', '/account/'];
export const FILES = ['/index.html', '/assets/x.js', '/assets/index-Ab12Cd34.js', '/assets/index-Ef56Gh78.css', '/config.json', '/favicon.svg', '/theme.css', '/robots.txt', '/.well-known/security.txt'];
