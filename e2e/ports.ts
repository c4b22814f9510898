/**
 * Ports of their own, so a developer's `npm start` can keep running beside the tests;
 * E2E_EMULATOR_PORT and E2E_APP_PORT let two runs share a machine.
 * A module of its own so that test workers can read the ports without evaluating playwright.config.ts,
 * which writes the run's config.json that the app server is serving at that moment.
 */
export const E2E_EMULATOR_PORT = Number(process.env.E2E_EMULATOR_PORT ?? 9329);
export const E2E_APP_PORT = Number(process.env.E2E_APP_PORT ?? 5273);
/** A second app server, on the same build, pointed at the pool that requires MFA (e2e/config.mfa.e2e.json). */
export const E2E_MFA_APP_PORT = Number(process.env.E2E_MFA_APP_PORT ?? E2E_APP_PORT + 1);
/** nginx with deploy/nginx.conf's server block, in front of the same build and pool (e2e/nginx-server.ts). */
export const E2E_NGINX_APP_PORT = Number(process.env.E2E_NGINX_APP_PORT ?? E2E_APP_PORT + 2);
/** A third app server, on the same build, pointed at the demo pool's rotating app client (e2e/config.rotation.e2e.json). */
export const E2E_ROTATION_APP_PORT = Number(process.env.E2E_ROTATION_APP_PORT ?? E2E_APP_PORT + 3);
/**
 * One more app server, on the same build, pointed at the pool whose users sign in with an email address
 * (e2e/config.email.e2e.json). Kept clear of the ports next to E2E_APP_PORT that other servers take.
 */
export const E2E_EMAIL_APP_PORT = Number(process.env.E2E_EMAIL_APP_PORT ?? E2E_APP_PORT + 5);
