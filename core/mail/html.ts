/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** What a rendered e-mail holds: the same words as plain text and as HTML. */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** One block of an e-mail: a paragraph, a quoted text, or a button-like link. */
export type MailBlock = { p: string } | { quote: string } | { link: string; label: string } | { small: string };

/**
 * Lays blocks out as plain text and as simple, escaped HTML (no remote images, no
 * scripts, inline styles only: what mail clients show). Every text is escaped; a
 * link's URL must be http(s), anything else is dropped.
 */
export function layout(subject: string, lang: string, blocks: MailBlock[]): RenderedMail {
  const text: string[] = [];
  const html: string[] = [];
  for (const block of blocks) {
    if ('p' in block) {
      text.push(block.p);
      html.push(`<p style="margin:0 0 16px">${escapeHtml(block.p).replace(/\n/g, '<br>')}</p>`);
    } else if ('quote' in block) {
      text.push(block.quote.split('\n').map((l) => `> ${l}`).join('\n'));
      html.push(
        `<blockquote style="margin:0 0 16px;padding:8px 12px;border-left:3px solid #999;color:#333">${escapeHtml(block.quote).replace(/\n/g, '<br>')}</blockquote>`,
      );
    } else if ('link' in block) {
      if (!/^https?:\/\//i.test(block.link)) continue;
      text.push(`${block.label}:\n${block.link}`);
      html.push(
        `<p style="margin:0 0 16px"><a href="${escapeHtml(block.link)}" style="display:inline-block;padding:10px 16px;background:#1f4e8c;color:#fff;text-decoration:none;border-radius:4px">${escapeHtml(block.label)}</a></p>` +
          `<p style="margin:0 0 16px;font-size:12px;color:#555">${escapeHtml(block.link)}</p>`,
      );
    } else {
      text.push(block.small);
      html.push(`<p style="margin:0 0 16px;font-size:12px;color:#555">${escapeHtml(block.small)}</p>`);
    }
  }
  return {
    subject: subject.replace(/[\r\n]+/g, ' ').slice(0, 200),
    text: `${text.join('\n\n')}\n`,
    html:
      `<!doctype html><html lang="${lang === 'fr' ? 'fr' : 'en'}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>` +
      `<body style="font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.45;color:#111;max-width:600px;margin:0 auto;padding:16px">${html.join('')}</body></html>`,
  };
}
