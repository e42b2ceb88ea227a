import { describe, expect, it } from 'vitest';
import { contentTypeOf } from '../../../core/web-files.ts';

describe("the built client's content types", () => {
  it('names scripts, styles and pages with their charset, whatever the case of the extension', () => {
    expect(contentTypeOf('.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeOf('.mjs')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeOf('.CSS')).toBe('text/css; charset=utf-8');
    expect(contentTypeOf('.html')).toBe('text/html; charset=utf-8');
  });
  it('sends anything it does not know as bytes, never as something a browser would run', () => {
    expect(contentTypeOf('.exe')).toBe('application/octet-stream');
    expect(contentTypeOf('')).toBe('application/octet-stream');
  });
});
