import { describe, expect, it } from 'vitest';
import { composeSms } from '#core/sms/compose';
import { acknowledgeRequest, decisionSms } from '#core/decisions/sms-summary';

describe('the decision SMS', () => {
  it('names the activity and the chosen option, and asks for OK, in one GSM-7 segment when short', () => {
    const text = decisionSms({ activityTitle: 'Next store', outcome: 'We open in Lyon in spring.', chosenOption: 'Lyon' });
    expect(text).toBe('Conclave - decision on "Next store": Lyon. We open in Lyon in spring. Reply OK to acknowledge.');
    expect(composeSms(text)).toMatchObject({ encoding: 'GSM-7', segments: 1 });
  });

  it('speaks the organisation’s language, still in GSM-7', () => {
    const text = decisionSms({ activityTitle: 'Prochain magasin', outcome: 'On ouvre à Lyon au printemps.', chosenOption: 'Lyon', locale: 'fr' });
    expect(text).toBe('Conclave - décision "Prochain magasin" : Lyon. On ouvre à Lyon au printemps. Répondez OK pour en prendre acte.');
    expect(composeSms(text)).toMatchObject({ encoding: 'GSM-7', segments: 1 });
  });

  it('shortens a long outcome to two segments, keeping the request to acknowledge', () => {
    const outcome = 'We open the next store in Lyon. '.repeat(40);
    const text = decisionSms({ activityTitle: 'Next store', outcome, chosenOption: null });
    expect(composeSms(text).segments).toBe(2);
    expect(text.endsWith(`... ${acknowledgeRequest}`)).toBe(true);
  });

  it('replaces look-alikes so the text stays GSM-7', () => {
    const text = decisionSms({ activityTitle: 'Magasin « Lyon »', outcome: 'On ouvre… au printemps – c’est décidé.', chosenOption: null });
    expect(composeSms(text).encoding).toBe('GSM-7');
  });

  it('stays within two segments in UCS-2 too, with a long title', () => {
    const text = decisionSms({ activityTitle: '新店舗の場所'.repeat(30), outcome: '里昂に開店します。'.repeat(30), chosenOption: '里昂' });
    expect(composeSms(text)).toMatchObject({ encoding: 'UCS-2' });
    expect(composeSms(text).segments).toBeLessThanOrEqual(2);
    expect(text.endsWith(acknowledgeRequest)).toBe(true);
  });
});
