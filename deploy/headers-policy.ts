import { Duration } from 'aws-cdk-lib';
import {
  HeadersFrameOption,
  HeadersReferrerPolicy,
  type ResponseCustomHeader,
  type ResponseHeadersPolicyProps,
  type ResponseSecurityHeadersBehavior,
} from 'aws-cdk-lib/aws-cloudfront';

/**
 * A CloudFront response headers policy that sends exactly the given headers (scripts/security-headers.ts's
 * list). CloudFront takes the security headers in their own typed slots and refuses them as custom headers,
 * so each is mapped to its slot; a value a slot cannot express stops synthesis instead of being sent changed.
 * Every header overrides whatever the origin sends.
 */
export function responseHeadersPolicyProps(
  headers: Readonly<Record<string, string>>,
): Pick<ResponseHeadersPolicyProps, 'securityHeadersBehavior' | 'customHeadersBehavior'> {
  const security: { -readonly [K in keyof ResponseSecurityHeadersBehavior]: ResponseSecurityHeadersBehavior[K] } = {};
  const custom: ResponseCustomHeader[] = [];
  for (const [header, value] of Object.entries(headers)) {
    switch (header.toLowerCase()) {
      case 'content-security-policy':
        security.contentSecurityPolicy = { contentSecurityPolicy: value, override: true };
        break;
      case 'x-content-type-options':
        if (value !== 'nosniff') throw unexpressible(header, value);
        security.contentTypeOptions = { override: true };
        break;
      case 'x-frame-options':
        security.frameOptions = { frameOption: enumValue(HeadersFrameOption, header, value), override: true };
        break;
      case 'referrer-policy':
        security.referrerPolicy = { referrerPolicy: enumValue(HeadersReferrerPolicy, header, value), override: true };
        break;
      case 'strict-transport-security':
        security.strictTransportSecurity = { ...strictTransportSecurity(header, value), override: true };
        break;
      case 'x-xss-protection':
        throw unexpressible(header, value);
      default:
        custom.push({ header, value, override: true });
    }
  }
  return {
    securityHeadersBehavior: security,
    ...(custom.length > 0 ? { customHeadersBehavior: { customHeaders: custom } } : {}),
  };
}

function enumValue<T extends string>(values: Record<string, T>, header: string, value: string): T {
  const found = Object.values(values).find((candidate) => candidate.toLowerCase() === value.toLowerCase());
  if (!found) throw unexpressible(header, value);
  return found;
}

function strictTransportSecurity(header: string, value: string) {
  const match = /^max-age=(\d+)((?:;\s*(?:includeSubDomains|preload))*)$/i.exec(value.trim());
  if (!match) throw unexpressible(header, value);
  const flags = match[2].toLowerCase();
  return {
    accessControlMaxAge: Duration.seconds(Number(match[1])),
    includeSubdomains: flags.includes('includesubdomains'),
    preload: flags.includes('preload'),
  };
}

function unexpressible(header: string, value: string): Error {
  return new Error(`${header}: ${value} cannot be sent by a CloudFront response headers policy as it is`);
}
