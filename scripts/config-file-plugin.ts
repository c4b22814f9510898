import { readFile } from 'node:fs/promises';
import type { Connect, Plugin } from 'vite';

/**
 * Serves the file named by APP_CONFIG_FILE at /config.json, in place of public/config.json,
 * for the dev server and the preview server. The build itself never bakes a config in:
 * one build is pointed at any pool by the config.json its host serves.
 */
export function configFilePlugin(configFile = process.env.APP_CONFIG_FILE): Plugin {
  const serveConfig: Connect.NextHandleFunction = (req, res, next) => {
    if (!configFile || req.url?.split('?')[0] !== '/config.json') return next();
    readFile(configFile, 'utf8').then(
      (body) => {
        res.setHeader('Content-Type', 'application/json');
        res.setHeader('Cache-Control', 'no-store');
        res.end(body);
      },
      (error: unknown) => next(error),
    );
  };
  return {
    name: 'app-config-file',
    configureServer(server) {
      server.middlewares.use(serveConfig);
    },
    configurePreviewServer(server) {
      server.middlewares.use(serveConfig);
    },
  };
}
