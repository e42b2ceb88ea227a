import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Markdown } from '../../../../renderer/files/Markdown.tsx';

const html = (text: string) => renderToStaticMarkup(createElement(Markdown, { text }));

describe('a Markdown file shown in the activity', () => {
  it('shows headings, lists, emphasis, code and links', () => {
    const out = html('# Offre\n\nPrix **ferme** et *net*, voir [le site](https://example.com).\n\n- un\n- deux\n\n1. premier\n\n```\ncode <b>\n```');
    expect(out).toContain('<h3>Offre</h3>');
    expect(out).toContain('<strong>ferme</strong>');
    expect(out).toContain('<em>net</em>');
    expect(out).toContain('<a href="https://example.com" target="_blank" rel="noopener noreferrer">le site</a>');
    expect(out).toContain('<ul><li>un</li><li>deux</li></ul>');
    expect(out).toContain('<ol><li>premier</li></ol>');
    expect(out).toContain('<pre><code>code &lt;b&gt;</code></pre>');
  });

  it('never lets the file write HTML or script links: they stay text', () => {
    const out = html('<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[clic](javascript:alert(1)) [data](data:text/html,x)');
    expect(out).not.toMatch(/<script|<img|href="javascript|href="data/);
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out).toContain('[clic](javascript:alert(1))');
  });
});
