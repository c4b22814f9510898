import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Connect, Plugin } from 'vite';

export interface ConfigFileOptions {
  /** The config to serve in place of public/config.json. Default: APP_CONFIG_FILE. */
  configFile?: string;
  /** An `endpoint` that replaces the served config's own. Default: APP_CONFIG_ENDPOINT. */
  endpoint?: string;
}

/**
 * Serves the runtime config at /config.json, for the dev server and the preview server: the file named by
 * APP_CONFIG_FILE in place of public/config.json, and with APP_CONFIG_ENDPOINT, that file (or public/config.json)
 * with its `endpoint` replaced, which is how `npm start` points every app at the port its local pool listens on.
 * Read on every request, so an edit shows on the next reload. The build itself never bakes a config in: one
 * build is pointed at any pool by the config.json its host serves.
 */
export function configFilePlugin({
  configFile = process.env.APP_CONFIG_FILE || undefined,
  endpoint = process.env.APP_CONFIG_ENDPOINT || undefined,
}: ConfigFileOptions = {}): Plugin {
  let publicConfigFile = 'public/config.json';
  const serveConfig: Connect.NextHandleFunction = (req, res, next) => {
    if ((!configFile && !endpoint) || req.url?.split('?')[0] !== '/config.json') return next();
    readFile(configFile ?? publicConfigFile, 'utf8').then(
      (body) => {
        res.setHeader('Content-Type', 'application/json');
        res.setHeader('Cache-Control', 'no-store');
        res.end(endpoint ? withEndpoint(body, endpoint) : body);
      },
      (error: unknown) => next(error),
    );
  };
  return {
    name: 'app-config-file',
    configResolved(config) {
      if (config.publicDir) publicConfigFile = join(config.publicDir, 'config.json');
    },
    configureServer(server) {
      server.middlewares.use(serveConfig);
    },
    configurePreviewServer(server) {
      server.middlewares.use(serveConfig);
    },
  };
}

/**
 * The config with `endpoint` in place of its own. A file that is not a JSON object is served as it is, for the
 * app to report as it would any broken config.
 */
export function withEndpoint(body: string, endpoint: string): string {
  let config: unknown;
  try {
    config = JSON.parse(body);
  } catch {
    return body;
  }
  if (typeof config !== 'object' || config === null || Array.isArray(config)) return body;
  return `${JSON.stringify({ ...config, endpoint }, null, 2)}\n`;
}
