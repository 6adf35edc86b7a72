/**
 * The outbox shows an email's HTML in `<iframe sandbox="" srcdoc>`. That document inherits this
 * page's Content-Security-Policy (`style-src 'self'`), so the email's inline styles do not apply
 * and text that an email hides with them (the inbox preview line) would show. This removes the
 * elements an email hides inline, on an inert parsed copy (nothing runs, nothing loads).
 */
export function previewHtml(html: string, parser: DOMParser = new DOMParser()): string {
  const doc = parser.parseFromString(html, 'text/html');
  for (const element of Array.from(doc.querySelectorAll<HTMLElement>('[style]'))) {
    const style = (element.getAttribute('style') ?? '').replace(/\s+/g, '').toLowerCase();
    if (/display:none|max-height:0(px)?(;|$)|visibility:hidden/.test(style)) element.remove();
  }
  return `<!doctype html>${doc.documentElement.outerHTML}`;
}
