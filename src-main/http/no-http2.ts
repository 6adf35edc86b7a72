/**
 * Stands in for `node:http2` in the main-process bundle (electron.vite.config.ts aliases it here).
 * @hono/node-server imports `node:http2` only to tell HTTP/2 requests apart (`instanceof
 * Http2ServerRequest`, and a close code for them); every listener of ours is HTTP/1 (`node:http`),
 * so no request is one, and loading the real module cost the launch ~10 ms before the first page.
 * `test/unit/http/no-http2.test.ts` keeps that true.
 */
export class Http2ServerRequest {}

export const constants = { NGHTTP2_NO_ERROR: 0 } as const;
