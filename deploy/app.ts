import { App } from 'aws-cdk-lib';
import { ConfigFileError, SiteConfigError } from './site-config';
import { DeployContextError, createSiteStack } from './site-stack';

/**
 * The CDK app `npm run deploy` runs (`cdk deploy --app "tsx deploy/app.ts"`): one stack, described by the
 * context (README, "Deploy against your user pool"). A config the app would refuse stops here, before the
 * CLI uploads anything, with the app's own message and nothing else.
 */
const app = new App();
try {
  createSiteStack(app);
} catch (error) {
  if (!(error instanceof SiteConfigError || error instanceof ConfigFileError || error instanceof DeployContextError)) throw error;
  console.error(error.message);
  process.exit(1);
}
app.synth();
