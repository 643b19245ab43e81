/**
 * The UI's Content Security Policy, the same in Electron (app://) and over the loopback bridge:
 * only the app's own scripts and styles, no inline script, no eval, no plugins, no framing, and
 * network access only back to where the UI came from.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
