import { describe, expect, it } from 'vitest';
import { messageFigures, morningText } from '#core/figures/morning';
import { composeSms } from '#core/sms/compose';

/** A morning message (core/figures/morning.ts): several figures in one SMS, counted as the gateway counts it. */
describe('morning message', () => {
  it('puts one figure a line, in order, leaving out empty ones', () => {
    expect(morningText(['CA veille 22/11 : 1,23 M€', '  Marge 22/11 : 412 k€ ', '', 'Clients 22/11 : 3 210'])).toBe(
      'CA veille 22/11 : 1,23 M€\nMarge 22/11 : 412 k€\nClients 22/11 : 3 210',
    );
  });

  it('keeps the schedule\'s own figure first and each figure once', () => {
    expect(messageFigures('sales', ['margin', 'sales', 'clients', 'margin'])).toEqual(['sales', 'margin', 'clients']);
    expect(messageFigures('sales')).toEqual(['sales']);
  });

  it('is counted as one text: two short figures fit one GSM-7 segment; a character outside GSM-7 makes it all UCS-2', () => {
    const two = morningText(['CA veille 22/11 : 1,23 M€ (-2,1 % vs prévision, +3,4 % vs N-1)', 'Marge 22/11 : 412 k€ (-1,9 % vs prévision)']);
    expect(composeSms(two)).toMatchObject({ encoding: 'GSM-7', segments: 1 });
    expect(composeSms(morningText([two, 'Clients ✓ 22/11 : 3 210']))).toMatchObject({ encoding: 'UCS-2', segments: 2 });
  });
});
