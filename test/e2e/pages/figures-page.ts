import { expect, type Locator, type Page } from '@playwright/test';

/** The daily figures screens, as a controller uses them (English labels). */
export class FiguresPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.getByRole('link', { name: 'Daily figures' }).click();
    await expect(this.page.getByRole('heading', { name: 'Daily figures', level: 1 })).toBeVisible();
  }

  async createList(name: string, people: string[]) {
    const form = this.page.getByRole('form', { name: 'Create the list' });
    await form.getByLabel('List name', { exact: true }).fill(name);
    for (const person of people) await form.getByLabel(person, { exact: true }).check();
    await form.getByRole('button', { name: 'Create the list' }).click();
    await expect(this.page.getByRole('region', { name: 'Recipient lists' }).getByText(name, { exact: true })).toBeVisible();
  }

  async defineFigure(label: string, unit: string) {
    const form = this.page.getByRole('form', { name: 'Define a figure' });
    await form.getByLabel('Label', { exact: true }).fill(label);
    await form.getByLabel('Unit or currency', { exact: true }).fill(unit);
    await form.getByRole('button', { name: 'Create the figure' }).click();
    await expect(this.page.getByRole('heading', { name: label, level: 1 })).toBeVisible();
  }

  async enterDay(date: string, value: string, forecast: string, lastYear: string) {
    const form = this.page.getByRole('form', { name: 'Enter a day' });
    await form.getByLabel('Date', { exact: true }).fill(date);
    await form.getByLabel(/^Value/).fill(value);
    await form.getByLabel('Forecast', { exact: true }).fill(forecast);
    await form.getByLabel('Same day last year', { exact: true }).fill(lastYear);
    await form.getByRole('button', { name: 'Save the day' }).click();
    return form.getByRole('status');
  }

  async importCsv(name: string, csv: string) {
    const form = this.page.getByRole('form', { name: 'Import a CSV' });
    await form.getByLabel('CSV file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await form.getByRole('button', { name: 'Import', exact: true }).click();
    return form;
  }

  scheduleForm(): Locator {
    return this.page.getByRole('form', { name: 'Send this figure to the list every morning' });
  }

  /** Picks the days (their English names; the others unticked), the time and the zone, then adds the schedule. */
  async schedule(list: string, when: { days?: string[]; time?: string; zone?: string } = {}) {
    const form = this.scheduleForm();
    await form.getByLabel('Recipient list').selectOption({ label: list });
    await this.pickWhen(when);
    await form.getByRole('button', { name: 'Send this figure to the list every morning' }).click();
    return this.page.getByRole('region', { name: 'Schedules' });
  }

  async pickWhen(when: { days?: string[]; time?: string; zone?: string }) {
    const form = this.scheduleForm();
    if (when.days) {
      const days = form.getByRole('group', { name: 'Days' });
      for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']) {
        await days.getByLabel(day, { exact: true }).setChecked(when.days.includes(day));
      }
    }
    if (when.time) await form.getByLabel('Time', { exact: true }).fill(when.time);
    if (when.zone) await form.getByLabel('Time zone', { exact: true }).selectOption(when.zone);
  }

  sendPanel(): Locator {
    return this.page.getByRole('region', { name: 'Preview and send' });
  }

  previewRow(name: string): Locator {
    return this.sendPanel().getByRole('row').filter({ hasText: name });
  }

  chart(): Locator {
    return this.page.getByRole('img', { name: /The last 31 days/ });
  }

  /** The numbers behind the chart, one row per day with a value (in a closed <details>). */
  chartRows(): Locator {
    return this.page.getByRole('table', { name: /The last 31 days/, includeHidden: true }).locator('tbody tr');
  }

  /** How many of the canvas's pixels are drawn in the value line's blue (#1f5fbf, antialiased). */
  async valueLinePixels(): Promise<number> {
    return this.chart().evaluate((canvas) => {
      const { data } = (canvas as HTMLCanvasElement).getContext('2d')!.getImageData(0, 0, (canvas as HTMLCanvasElement).width, (canvas as HTMLCanvasElement).height);
      let n = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i + 3]! > 200 && Math.abs(data[i]! - 31) < 40 && Math.abs(data[i + 1]! - 95) < 40 && Math.abs(data[i + 2]! - 191) < 40) n++;
      return n;
    });
  }
}
