import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Annotations, CfnOutput, Duration, Stack, type App, type StackProps } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import type { Construct } from 'constructs';
import type { AppConfig } from '../src/config/schema';
import { securityHeaders } from '../scripts/security-headers';
import { IMMUTABLE, REVALIDATE, REVALIDATED_FILES } from './cache-rules';
import { responseHeadersPolicyProps } from './headers-policy';
import { configFromValues, readConfigFile, validateSiteConfig } from './site-config';

/**
 * The app on a CDN: a private S3 bucket behind CloudFront (origin access control), the security headers of
 * scripts/security-headers.ts as a response headers policy, app routes answered with index.html by a CloudFront
 * Function (deploy/spa-routing.js), hashed assets cached for a year and the rest revalidated, and a config.json
 * written from the deploy's context and checked by the app's own schema before anything is built.
 */

export const SPA_ROUTING_SOURCE = fileURLToPath(new URL('./spa-routing.js', import.meta.url));
const REPOSITORY_ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * Context keys of the deployment itself; every other key (without a `:`, and not a CDK feature flag `@…`) is
 * a config.json key, checked by the app's schema: a misspelt one is reported by name, not ignored.
 */
const DEPLOY_KEYS = ['configFile', 'createAppClient', 'domainName', 'certificateArn', 'themeFile', 'distDir', 'stackName'] as const;
type DeployKey = (typeof DEPLOY_KEYS)[number];

/** Stands in for the id of an app client the stack creates, while the rest of the config is checked. */
const CLIENT_ID_PLACEHOLDER = 'appclientcreatedbythestack';

export interface SiteOptions {
  /** The validated config (with the placeholder client id when the stack creates the client). */
  appConfig: AppConfig;
  /** What config.json will hold: the values given, as given (the app fills in its own defaults). */
  configJson: Record<string, unknown>;
  createAppClient: boolean;
  /** The production build (`npm run build`): index.html, assets/, and the public/ files. */
  distDir: string;
  /** A theme.css that replaces the build's (which has no rules). */
  themeFile?: string;
  domainNames: string[];
  certificateArn?: string;
  stackName: string;
}

/** Thrown for a deployment setting that is wrong; the config's own errors are SiteConfigError. */
export class DeployContextError extends Error {
  constructor(key: DeployKey, message: string) {
    super(`--context ${key}: ${message}`);
    this.name = 'DeployContextError';
  }
}

function text(context: Record<string, unknown>, key: DeployKey): string | undefined {
  const value = context[key];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw new DeployContextError(key, 'expected text.');
  return value;
}

function flag(context: Record<string, unknown>, key: DeployKey): boolean {
  const value = context[key];
  if (value === undefined || value === false || value === 'false') return false;
  if (value === true || value === 'true') return true;
  throw new DeployContextError(key, 'expected true or false.');
}

/** An ACM certificate for CloudFront lives in us-east-1, whatever the stack's region. */
const CLOUDFRONT_CERTIFICATE_ARN = /^arn:aws[\w-]*:acm:us-east-1:\d{12}:certificate\/[\w-]+$/;

/**
 * Reads the deployment from the CDK context (`--context key=value`, or cdk.json) and checks it. Relative paths
 * are taken from where `npm run deploy` was started.
 */
export function siteOptionsFromContext(context: Record<string, unknown>, cwd = process.env.INIT_CWD ?? process.cwd()): SiteOptions {
  const path = (file: string) => (isAbsolute(file) ? file : resolve(cwd, file));
  const values = Object.fromEntries(
    Object.entries(context).filter(
      ([key]) => !(DEPLOY_KEYS as readonly string[]).includes(key) && !key.includes(':') && !key.startsWith('@'),
    ),
  );
  const configFile = text(context, 'configFile');
  const configJson = configFromValues(configFile ? readConfigFile(path(configFile)) : {}, values);
  const source = configFile ? `config.json (${configFile} and --context values)` : 'config.json (from --context values)';

  const createAppClient = flag(context, 'createAppClient');
  if (createAppClient && configJson.userPoolClientId !== undefined) {
    throw new DeployContextError(
      'createAppClient',
      'leave userPoolClientId out: the stack creates the app client and writes its id into config.json.',
    );
  }
  const appConfig = validateSiteConfig(
    createAppClient ? { ...configJson, userPoolClientId: CLIENT_ID_PLACEHOLDER } : configJson,
    source,
  );

  const domainNames = (text(context, 'domainName') ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const certificateArn = text(context, 'certificateArn');
  if ((domainNames.length > 0) !== (certificateArn !== undefined)) {
    throw new DeployContextError(
      domainNames.length > 0 ? 'certificateArn' : 'domainName',
      'a custom domain needs both domainName and certificateArn (an ACM certificate in us-east-1 for it).',
    );
  }
  if (certificateArn !== undefined && !CLOUDFRONT_CERTIFICATE_ARN.test(certificateArn)) {
    throw new DeployContextError('certificateArn', 'expected the ARN of an ACM certificate in us-east-1, where CloudFront reads certificates.');
  }

  const distDir = path(text(context, 'distDir') ?? join(REPOSITORY_ROOT, 'dist'));
  if (!existsSync(join(distDir, 'index.html')) || !existsSync(join(distDir, 'assets'))) {
    throw new DeployContextError('distDir', `${distDir} has no production build: run npm run build first (npm run deploy does).`);
  }
  const themeFile = text(context, 'themeFile');
  if (themeFile !== undefined && !existsSync(path(themeFile))) {
    throw new DeployContextError('themeFile', `${path(themeFile)} does not exist.`);
  }
  const stackName = text(context, 'stackName') ?? 'AccountSite';
  if (!/^[A-Za-z][A-Za-z0-9-]{0,127}$/.test(stackName)) {
    throw new DeployContextError('stackName', 'expected letters, digits and hyphens, starting with a letter.');
  }

  return {
    appConfig,
    configJson,
    createAppClient,
    distDir,
    themeFile: themeFile === undefined ? undefined : path(themeFile),
    domainNames,
    certificateArn,
    stackName,
  };
}

export interface SiteStackProps extends StackProps {
  site: SiteOptions;
}

export class SiteStack extends Stack {
  readonly bucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;
  readonly appClient?: cognito.UserPoolClient;

  constructor(scope: Construct, id: string, props: SiteStackProps) {
    super(scope, id, props);
    const { site } = props;
    const config = site.appConfig;

    // Private: no public access of any kind, encrypted at rest, reachable only over TLS and only by this
    // distribution (origin access control below).
    this.bucket = new s3.Bucket(this, 'Bucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
    });

    const routing = new cloudfront.Function(this, 'SpaRouting', {
      code: cloudfront.FunctionCode.fromFile({ filePath: SPA_ROUTING_SOURCE }),
      runtime: cloudfront.FunctionRuntime.JS_2_0,
      comment: 'App routes to /index.html; files (a dot in the last segment, or under /assets/) unchanged',
    });

    // The same list as `npm run preview` sends for this config (connect-src: the pool's endpoint), plus HSTS.
    const headers = new cloudfront.ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'The app: CSP and hardening headers (scripts/security-headers.ts)',
      ...responseHeadersPolicyProps(securityHeaders(config, { https: true })),
    });

    // Every object carries its own Cache-Control (the deployments below): the CDN follows it, from a year for
    // hashed assets to revalidating each time. Nothing in the request varies the answer.
    const cachePolicy = new cloudfront.CachePolicy(this, 'CachePolicy', {
      comment: "Follows each object's Cache-Control",
      minTtl: Duration.seconds(0),
      defaultTtl: Duration.seconds(0),
      maxTtl: Duration.days(365),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
      cookieBehavior: cloudfront.CacheCookieBehavior.none(),
      headerBehavior: cloudfront.CacheHeaderBehavior.none(),
      queryStringBehavior: cloudfront.CacheQueryStringBehavior.none(),
    });

    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: `Account app for ${config.userPoolId}`,
      defaultBehavior: {
        // READ and LIST: with list permission S3 answers a missing file 404 instead of 403.
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.bucket, {
          originAccessLevels: [cloudfront.AccessLevel.READ, cloudfront.AccessLevel.LIST],
        }),
        // Nothing is served over plain HTTP: an http:// address is redirected, and HSTS keeps the browser on HTTPS.
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
        cachedMethods: cloudfront.CachedMethods.CACHE_GET_HEAD,
        compress: true,
        cachePolicy,
        responseHeadersPolicy: headers,
        functionAssociations: [{ function: routing, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST }],
      },
      defaultRootObject: 'index.html',
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      // The CloudFront domain's own certificate has a fixed policy; a custom domain gets TLS 1.2 or newer.
      ...(site.certificateArn
        ? {
            domainNames: site.domainNames,
            certificate: acm.Certificate.fromCertificateArn(this, 'Certificate', site.certificateArn),
            minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
    });
    // LIST lets S3 tell a missing file (404) from a forbidden one; it could list the bucket only for a request
    // of the bucket's root, which never reaches S3: `/` is the default root object (and the function's
    // /index.html), and the cache policy forwards no query string.
    Annotations.of(this.distribution).acknowledgeWarning(
      '@aws-cdk/aws-cloudfront-origins:listBucketSecurityRisk',
      'defaultRootObject is index.html and the SPA function rewrites / to /index.html',
    );

    const configJson: Record<string, unknown> = { ...site.configJson };
    if (site.createAppClient) {
      // The settings README's "The app client" lists: a public client (no secret), SRP (and the password flow
      // only when configured), user existence hidden, the challenge session as long as the app counts down,
      // refresh tokens revoked on sign-out, and refresh-token rotation when the config renews that way. No
      // OAuth: the app uses no hosted UI.
      this.appClient = new cognito.UserPoolClient(this, 'AppClient', {
        userPool: cognito.UserPool.fromUserPoolId(this, 'UserPool', config.userPoolId),
        userPoolClientName: 'account',
        generateSecret: false,
        authFlows: { userSrp: true, userPassword: config.authenticationFlowType === 'USER_PASSWORD_AUTH' },
        preventUserExistenceErrors: true,
        authSessionValidity: Duration.minutes(config.challengeSessionMinutes),
        enableTokenRevocation: true,
        // docs/cognito-behaviour.md §4.21: the CDK then leaves ALLOW_REFRESH_TOKEN_AUTH out, as a rotating client
        // refuses it. 60 s, the longest Cognito allows, so a renewal retried or made by two tabs at once still
        // holds.
        ...(config.refreshTokenRotation ? { refreshTokenRotationGracePeriod: Duration.seconds(60) } : {}),
        disableOAuth: true,
      });
      configJson.userPoolClientId = this.appClient.userPoolClientId;
      new CfnOutput(this, 'AppClientId', { value: this.appClient.userPoolClientId });
    }

    // Hashed assets first, so that the index.html uploaded next never names a file not yet there. Old assets
    // stay (no prune): a tab opened before this deploy still loads its screens' chunks on demand.
    const assets = new s3deploy.BucketDeployment(this, 'DeployAssets', {
      sources: [s3deploy.Source.asset(join(site.distDir, 'assets'))],
      destinationBucket: this.bucket,
      destinationKeyPrefix: 'assets/',
      prune: false,
      cacheControl: [s3deploy.CacheControl.fromString(IMMUTABLE)],
    });
    // Then everything else, revalidated: index.html, the public/ files, this deployment's config.json (in place
    // of the build's, which points at the local pool) and theme.css. Invalidated on the CDN once uploaded.
    const files = new s3deploy.BucketDeployment(this, 'DeploySite', {
      sources: [
        s3deploy.Source.asset(site.distDir, {
          exclude: ['assets', 'config.json', ...(site.themeFile ? ['theme.css'] : [])],
        }),
        s3deploy.Source.jsonData('config.json', configJson),
        ...(site.themeFile ? [s3deploy.Source.data('theme.css', readFileSync(site.themeFile, 'utf8'))] : []),
      ],
      destinationBucket: this.bucket,
      exclude: ['assets/*'],
      cacheControl: [s3deploy.CacheControl.fromString(REVALIDATE)],
      distribution: this.distribution,
      distributionPaths: [...REVALIDATED_FILES],
    });
    files.node.addDependency(assets);

    const url = `https://${site.domainNames[0] ?? this.distribution.distributionDomainName}/`;
    new CfnOutput(this, 'SiteUrl', { value: url });
    new CfnOutput(this, 'DistributionDomainName', { value: this.distribution.distributionDomainName });
    new CfnOutput(this, 'DistributionId', { value: this.distribution.distributionId });
    new CfnOutput(this, 'BucketName', { value: this.bucket.bucketName });
  }
}

/**
 * The deployment the CDK context describes, in the config's region (an app client must be created in its
 * pool's region; CloudFront is global). No lookups: synthesis needs no AWS account or network.
 */
export function createSiteStack(app: App, { account = process.env.CDK_DEFAULT_ACCOUNT }: { account?: string } = {}): SiteStack {
  const site = siteOptionsFromContext(app.node.getAllContext() as Record<string, unknown>);
  // CDK's CloudFormation template validation (on unless `--no-validation`) fails synthesis rather than warn.
  app.node.setContext('@aws-cdk/core:validateAgainstDefaultRules', true);
  return new SiteStack(app, site.stackName, {
    site,
    env: { account, region: site.appConfig.region },
    description: `Account app (password self-service) for the Cognito user pool ${site.appConfig.userPoolId}`,
  });
}
