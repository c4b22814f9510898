import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppConfigSchema } from '../src/config/schema';
import { STRICT_TRANSPORT_SECURITY, securityHeadersForConfigFile } from '../scripts/security-headers';
import { createSiteStack } from './site-stack';
import {
  ACCOUNT,
  APP_ROUTES,
  FILES,
  deployedFiles,
  fakeBuild,
  loadHandler,
  removeTemporaryDirectories,
  resource,
  synthesize,
  temporaryDirectory,
  viewerRequest,
  type Synthesized,
} from './test-support';

/**
 * The CDK app, synthesized in-process as `cdk synth` would (no AWS account, network or Docker), and its
 * template checked: what README's "Deploy against your user pool" promises of the CloudFront deployment.
 */

const POOL = 'eu-west-1_AbCdEf123';
const CLIENT = '1example23456789abcdefghij';
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Context values as the CLI passes them (`--context key=value`: every value a string). */
function context(extra: Record<string, unknown> = {}): Record<string, unknown> {
  const values = {
    userPoolId: POOL,
    userPoolClientId: CLIENT,
    productName: 'Example Corp account',
    challengeSessionMinutes: '5',
    passwordPolicy: '{"minimumLength":12,"requireSymbols":false}',
    distDir: fakeBuild(),
    ...extra,
  };
  // `key: undefined` leaves the key out, as a CLI run without that --context would.
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
}

/** Template JSON, read by path in assertions (a wrong path fails the assertion). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- CloudFormation properties have no static type here
type Json = any;

type Statement = { Effect: string; Principal?: unknown; Action: string | string[]; Condition?: Record<string, Record<string, unknown>> };

/** The headers a response headers policy sends, read back from its CloudFormation config. */
function headersOfPolicy(config: Json): Record<string, string> {
  const security = config.SecurityHeadersConfig;
  const hsts = security.StrictTransportSecurity;
  const headers: Record<string, string> = {
    'Content-Security-Policy': security.ContentSecurityPolicy.ContentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': security.ReferrerPolicy.ReferrerPolicy,
    'X-Frame-Options': security.FrameOptions.FrameOption,
    'Strict-Transport-Security': `max-age=${hsts.AccessControlMaxAgeSec}${hsts.IncludeSubdomains ? '; includeSubDomains' : ''}${hsts.Preload ? '; preload' : ''}`,
  };
  for (const item of config.CustomHeadersConfig?.Items ?? []) headers[item.Header] = item.Value;
  for (const slot of ['ContentSecurityPolicy', 'ContentTypeOptions', 'ReferrerPolicy', 'FrameOptions', 'StrictTransportSecurity']) {
    expect(security[slot].Override, slot).toBe(true);
  }
  expect(security.XSSProtection).toBeUndefined();
  return headers;
}

afterAll(removeTemporaryDirectories);

describe('the CloudFront deployment, synthesized offline', () => {
  let synthesized: Synthesized;
  beforeAll(() => {
    synthesized = synthesize(context());
  }, 30_000);

  it('needs no account lookup, network or Docker, and has nothing to warn about', () => {
    const { app, stack } = synthesized;
    expect(app.synth().manifest.missing).toBeUndefined();
    expect(stack.region).toBe('eu-west-1');
    expect(stack.account).toBe(ACCOUNT);
    Annotations.fromStack(stack).hasNoError('*', Match.anyValue());
    Annotations.fromStack(stack).hasNoWarning('*', Match.anyValue());
  });

  it('keeps the bucket private and encrypted, reachable over TLS by this distribution only', () => {
    const { template } = synthesized;
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
    });
    expect(resource(template, 'AWS::S3::Bucket').Properties.WebsiteConfiguration).toBeUndefined();
    const statements = (resource(template, 'AWS::S3::BucketPolicy').Properties.PolicyDocument as { Statement: Statement[] }).Statement;
    const allows = statements.filter((statement) => statement.Effect === 'Allow');
    expect(allows).toHaveLength(1);
    expect(allows[0].Principal).toEqual({ Service: 'cloudfront.amazonaws.com' });
    expect(allows[0].Action).toEqual(['s3:GetObject', 's3:ListBucket']);
    expect(JSON.stringify(allows[0].Condition?.StringEquals['AWS:SourceArn'])).toContain('"Ref":"Distribution');
    expect(statements).toContainEqual(
      expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
    );
  });

  it('reaches the bucket through origin access control, HTTPS only, over HTTP/2 and HTTP/3, with no error mapping', () => {
    const { template } = synthesized;
    template.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: { OriginAccessControlOriginType: 's3', SigningBehavior: 'always', SigningProtocol: 'sigv4' },
    });
    const distribution = resource(template, 'AWS::CloudFront::Distribution').Properties.DistributionConfig as Json;
    expect(distribution.Origins).toHaveLength(1);
    expect(distribution.Origins[0].OriginAccessControlId).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/OriginAccessControl/), 'Id'] });
    expect(distribution.Origins[0].S3OriginConfig).toEqual({ OriginAccessIdentity: '' });
    expect(distribution.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    expect(distribution.DefaultCacheBehavior.AllowedMethods).toEqual(['GET', 'HEAD']);
    expect(distribution.HttpVersion).toBe('http2and3');
    expect(distribution.DefaultRootObject).toBe('index.html');
    // App routes come from the function: a 403/404 → index.html mapping would also answer a missing script.
    expect(distribution.CustomErrorResponses).toBeUndefined();
    expect(distribution.CacheBehaviors).toBeUndefined();
  });

  it('sends exactly the headers `npm run preview` sends for the deployed config.json, plus HSTS', () => {
    const { template } = synthesized;
    const policy = resource(template, 'AWS::CloudFront::ResponseHeadersPolicy').Properties.ResponseHeadersPolicyConfig as Json;
    const directory = temporaryDirectory('deploy-config-');
    writeFileSync(join(directory, 'config.json'), deployedFiles(synthesized, 'DeploySite').get('config.json') as string);
    // What vite.config.ts's preview sends when APP_CONFIG_FILE is this deployment's config.json.
    const preview = securityHeadersForConfigFile(join(directory, 'config.json'));
    expect(headersOfPolicy(policy)).toEqual({ ...preview, 'Strict-Transport-Security': STRICT_TRANSPORT_SECURITY });
    expect(preview['Content-Security-Policy']).toContain("connect-src 'self' https://cognito-idp.eu-west-1.amazonaws.com;");
    const behavior = (resource(template, 'AWS::CloudFront::Distribution').Properties.DistributionConfig as Json).DefaultCacheBehavior;
    expect(behavior.ResponseHeadersPolicyId).toEqual({ Ref: expect.stringMatching(/^SecurityHeaders/) });
  });

  it('routes with a CloudFront Function (JS 2.0) on viewer request: app routes to /index.html, files untouched', () => {
    const { template } = synthesized;
    const fn = resource(template, 'AWS::CloudFront::Function').Properties as Json;
    expect(fn.FunctionConfig.Runtime).toBe('cloudfront-js-2.0');
    expect(fn.AutoPublish).toBe(true);
    const behavior = (resource(template, 'AWS::CloudFront::Distribution').Properties.DistributionConfig as Json).DefaultCacheBehavior;
    expect(behavior.FunctionAssociations).toEqual([
      { EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [expect.stringMatching(/^SpaRouting/), 'FunctionARN'] } },
    ]);
    // The code in the template, run as CloudFront runs it.
    const handler = loadHandler(fn.FunctionCode as string);
    for (const uri of APP_ROUTES) expect(handler(viewerRequest(uri)).uri, uri).toBe('/index.html');
    for (const uri of FILES) expect(handler(viewerRequest(uri)).uri, uri).toBe(uri);
  });

  it('caches hashed assets for a year and revalidates index.html, config.json and theme.css, invalidated on deploy', () => {
    const { template } = synthesized;
    const assets = resource(template, 'Custom::CDKBucketDeployment', 'DeployAssets').Properties;
    expect(assets).toMatchObject({ DestinationBucketKeyPrefix: 'assets/', Prune: false, SystemMetadata: { 'cache-control': IMMUTABLE } });
    expect([...deployedFiles(synthesized, 'DeployAssets').keys()]).toEqual(['index-Ab12Cd34.js', 'index-Ef56Gh78.css']);

    const site = resource(template, 'Custom::CDKBucketDeployment', 'DeploySite');
    expect(site.Properties).toMatchObject({
      SystemMetadata: { 'cache-control': 'no-cache' },
      Prune: true,
      Exclude: ['assets/*'],
      DistributionId: { Ref: expect.stringMatching(/^Distribution/) },
      DistributionPaths: ['/index.html', '/config.json', '/theme.css'],
    });
    expect(site.Properties.DestinationBucketKeyPrefix).toBeUndefined();
    expect([...deployedFiles(synthesized, 'DeploySite').keys()].sort()).toEqual(['config.json', 'favicon.svg', 'index.html', 'theme.css']);
    // Assets first: an uploaded index.html never names a file that is not there yet.
    expect((site as { DependsOn?: string[] }).DependsOn).toEqual(expect.arrayContaining([expect.stringMatching(/^DeployAssets/)]));

    template.hasResourceProperties('AWS::CloudFront::CachePolicy', {
      CachePolicyConfig: {
        MinTTL: 0,
        DefaultTTL: 0,
        MaxTTL: 31536000,
        ParametersInCacheKeyAndForwardedToOrigin: {
          EnableAcceptEncodingGzip: true,
          EnableAcceptEncodingBrotli: true,
          CookiesConfig: { CookieBehavior: 'none' },
          HeadersConfig: { HeaderBehavior: 'none' },
          QueryStringsConfig: { QueryStringBehavior: 'none' },
        },
      },
    });
  });

  it("uploads a config.json of the context's values, which the app accepts, in place of the build's", () => {
    const config: unknown = JSON.parse(deployedFiles(synthesized, 'DeploySite').get('config.json') as string);
    expect(config).toEqual({
      region: 'eu-west-1',
      userPoolId: POOL,
      userPoolClientId: CLIENT,
      productName: 'Example Corp account',
      challengeSessionMinutes: 5,
      passwordPolicy: { minimumLength: 12, requireSymbols: false },
    });
    expect(AppConfigSchema.safeParse(config).success).toBe(true);
  });
});

describe('a config.json the app would refuse stops synthesis, with the message of the app\'s config page', () => {
  function synthesisError(extra: Record<string, unknown>): string {
    const app = new App({ outdir: temporaryDirectory('deploy-cdk-out-'), context: context(extra) });
    let message = '';
    try {
      createSiteStack(app, { account: ACCOUNT });
      app.synth();
    } catch (error) {
      message = (error as Error).message;
    }
    // Nothing was defined, so nothing can be uploaded.
    expect(app.node.children).toHaveLength(0);
    return message;
  }

  it('names a value out of range, and what it expects', () => {
    expect(synthesisError({ challengeSessionMinutes: '20' })).toBe(
      [
        'The configuration file config.json (from --context values) has a problem:',
        "  challengeSessionMinutes has a value that is not accepted; expected a whole number of minutes from 3 to 15, equal to the app client's AuthSessionValidity.",
      ].join('\n'),
    );
  });

  it('names a misspelt key, a missing one, and a pool of another region, each on its own line', () => {
    const message = synthesisError({ userPoolId: undefined, region: 'us-east-1', prodcutName: 'Example' });
    expect(message).toContain('has 2 problems:');
    expect(message).toContain('  userPoolId is missing; expected a user pool id such as us-east-1_AbCdEf123 (at most 55 characters).');
    expect(message).toContain('  prodcutName is not a known setting; check the spelling, or remove it.');
    expect(synthesisError({ region: 'us-east-1' })).toContain(
      '  userPoolId has a value that is not accepted; expected a user pool id that starts with the configured region',
    );
  });

  it('reads a config file as the base, and reports its keys as the app would', () => {
    const directory = temporaryDirectory('deploy-config-');
    const file = join(directory, 'my-config.json');
    writeFileSync(file, JSON.stringify({ userPoolId: POOL, userPoolClientId: CLIENT, tokenStorage: 'cookies' }));
    const message = synthesisError({ configFile: file, userPoolId: undefined, userPoolClientId: undefined });
    expect(message).toContain(`The configuration file config.json (${file} and --context values) has a problem:`);
    expect(message).toContain('  tokenStorage has a value that is not accepted; expected one of: localStorage, sessionStorage.');
    writeFileSync(file, '{ "userPoolId": ');
    expect(synthesisError({ configFile: file })).toBe(`The configuration file ${file} is not valid JSON.`);
  });

  it('refuses a deployment setting that cannot work', () => {
    expect(synthesisError({ createAppClient: 'true' })).toMatch(/createAppClient: leave userPoolClientId out/);
    expect(synthesisError({ domainName: 'account.example.com' })).toMatch(/certificateArn: a custom domain needs both/);
    expect(
      synthesisError({
        domainName: 'account.example.com',
        certificateArn: `arn:aws:acm:eu-west-1:${ACCOUNT}:certificate/0a1b2c3d-0000-4000-8000-000000000000`,
      }),
    ).toMatch(/an ACM certificate in us-east-1/);
    expect(synthesisError({ distDir: tmpdir() })).toMatch(/has no production build: run npm run build first/);
  });
});

describe('with an app client, a custom domain and a theme', () => {
  const certificateArn = `arn:aws:acm:us-east-1:${ACCOUNT}:certificate/0a1b2c3d-0000-4000-8000-000000000000`;
  let synthesized: Synthesized;
  beforeAll(() => {
    const themeDirectory = temporaryDirectory('deploy-theme-');
    writeFileSync(join(themeDirectory, 'theme.css'), ':root { --color-brand: #6b2fa3; }');
    // This one also runs CDK's CloudFormation validation of the template (every resource type is in it).
    synthesized = synthesize(
      context({
        userPoolClientId: undefined,
        createAppClient: 'true',
        domainName: 'account.example.com',
        certificateArn,
        themeFile: join(themeDirectory, 'theme.css'),
      }),
      { validate: true },
    );
  }, 60_000);

  it('creates the app client the app needs on the existing pool', () => {
    const { template, stack } = synthesized;
    const client = resource(template, 'AWS::Cognito::UserPoolClient').Properties;
    expect(client).toMatchObject({
      UserPoolId: POOL,
      GenerateSecret: false,
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      PreventUserExistenceErrors: 'ENABLED',
      AuthSessionValidity: 5,
      EnableTokenRevocation: true,
      AllowedOAuthFlowsUserPoolClient: false,
    });
    expect(client.CallbackURLs).toBeUndefined();
    template.resourceCountIs('AWS::Cognito::UserPool', 0);
    Annotations.fromStack(stack).hasNoWarning('*', Match.anyValue());
  });

  it("writes the client's id into config.json at deploy time", () => {
    const { template } = synthesized;
    const config = JSON.parse(deployedFiles(synthesized, 'DeploySite').get('config.json') as string) as Record<string, unknown>;
    const site = resource(template, 'Custom::CDKBucketDeployment', 'DeploySite').Properties as Json;
    const markers = Object.assign({}, ...site.SourceMarkers) as Record<string, unknown>;
    expect(markers[config.userPoolClientId as string]).toEqual({ Ref: expect.stringMatching(/^AppClient/) });
    template.hasOutput('AppClientId', { Value: { Ref: Match.stringLikeRegexp('^AppClient') } });
  });

  it('serves the custom domain with its us-east-1 certificate, TLS 1.2 or newer', () => {
    const { template } = synthesized;
    const distribution = resource(template, 'AWS::CloudFront::Distribution').Properties.DistributionConfig as Json;
    expect(distribution.Aliases).toEqual(['account.example.com']);
    expect(distribution.ViewerCertificate).toEqual({
      AcmCertificateArn: certificateArn,
      SslSupportMethod: 'sni-only',
      MinimumProtocolVersion: 'TLSv1.2_2021',
    });
    template.hasOutput('SiteUrl', { Value: 'https://account.example.com/' });
  });

  it("uploads the given theme.css in place of the build's", () => {
    expect(deployedFiles(synthesized, 'DeploySite').get('theme.css')).toBe(':root { --color-brand: #6b2fa3; }');
  });

  it('creates a client with refresh-token rotation, and without REFRESH_TOKEN_AUTH, when the config renews that way', () => {
    const { template } = synthesize(context({ userPoolClientId: undefined, createAppClient: 'true', refreshTokenRotation: 'true' }));
    const client = resource(template, 'AWS::Cognito::UserPoolClient').Properties;
    expect(client.RefreshTokenRotation).toEqual({ Feature: 'ENABLED', RetryGracePeriodSeconds: 60 });
    expect(client.ExplicitAuthFlows).toEqual(['ALLOW_USER_SRP_AUTH']);
  }, 30_000);

  it('allows the password flow on the client only when the config signs in with it', () => {
    const { template } = synthesize(context({ userPoolClientId: undefined, createAppClient: 'true', authenticationFlowType: 'USER_PASSWORD_AUTH' }));
    expect(resource(template, 'AWS::Cognito::UserPoolClient').Properties.ExplicitAuthFlows).toEqual([
      'ALLOW_USER_PASSWORD_AUTH',
      'ALLOW_USER_SRP_AUTH',
      'ALLOW_REFRESH_TOKEN_AUTH',
    ]);
  }, 30_000);
});
