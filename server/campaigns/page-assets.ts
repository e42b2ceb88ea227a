import { readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * The script (and its preloads) that brings a public page to life: the tags Vite wrote
 * into the built `campaign.html` (renderer/campaign.html), their relative `./assets/`
 * made absolute since the page lives at `/ideas/<slug>`. Read once; without a built
 * client (CONCLAVE_WEB_ROOT empty) the page is served without it, still readable.
 */
export class PageAssets {
  private tags: Promise<string> | null = null;

  constructor(private readonly webRoot: string | null) {}

  headTags(): Promise<string> {
    this.tags ??= this.read();
    return this.tags;
  }

  private async read(): Promise<string> {
    if (!this.webRoot) return '';
    const html = await readFile(path.join(this.webRoot, 'campaign.html'), 'utf8').catch(() => '');
    const found = html.match(/<script type="module"[^>]*src="\.\/assets\/[\w.-]+\.js"[^>]*><\/script>|<link rel="(?:modulepreload|stylesheet)"[^>]*href="\.\/assets\/[\w.-]+"[^>]*>/g) ?? [];
    return found.map((tag) => tag.replace(/"\.\/assets\//, '"/assets/')).join('\n');
  }
}
