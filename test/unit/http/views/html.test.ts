import { describe, expect, it } from 'vitest';
import { escapeHtml, html, raw } from '../../../../src-main/http/participant/views/html';

describe('html tagged template', () => {
  it('escapes the five HTML-significant characters in every interpolation', () => {
    expect(html`<p title="${`"'<&>`}">${'<b>&'}</p>`.value).toBe('<p title="&quot;&#39;&lt;&amp;&gt;">&lt;b&gt;&amp;</p>');
    expect(escapeHtml(`a&b<c>d"e'f`)).toBe('a&amp;b&lt;c&gt;d&quot;e&#39;f');
  });

  it('renders nested html and raw() unescaped, arrays joined, null/undefined/booleans as nothing', () => {
    const inner = html`<em>${'x<y'}</em>`;
    const out = html`${inner}|${raw('<br>')}|${['a', html`<i>b</i>`, null]}|${null}${undefined}${false}${true}|${0}`;
    expect(out.value).toBe('<em>x&lt;y</em>|<br>|a<i>b</i>||0');
  });

  it('does not double-escape already safe markup', () => {
    expect(html`${html`${'&'}`}`.value).toBe('&amp;');
  });
});
