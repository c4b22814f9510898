// CloudFront Function (cloudfront-js-2.0), on viewer request: the app's routes (/sign-in, /account/change-password,
// /) are answered with /index.html, and the router shows the screen. A path whose last segment has a dot is a file
// (/config.json, /theme.css, /favicon.svg), and everything under /assets/ is a built file: those go to the bucket
// unchanged, so a missing one is a real 404 (a 403/404 -> index.html error mapping would hide it, and answer a
// missing script with HTML). deploy/nginx-conf.ts serves by the same rule; deploy/spa-routing.test.ts runs this.
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- CloudFront calls `handler` by name
function handler(event) {
  const request = event.request;
  const uri = request.uri;
  const lastSegment = uri.slice(uri.lastIndexOf('/') + 1);
  if (uri.indexOf('/assets/') !== 0 && lastSegment.indexOf('.') === -1) {
    request.uri = '/index.html';
  }
  return request;
}
