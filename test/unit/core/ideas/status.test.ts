import { describe, expect, it } from 'vitest';
import { ideaStatuses, judgeStatusChange, nextStatuses, StatusRefusal } from '#core/ideas/status';

describe('the life of an idea', () => {
  it('goes new → under study → accepted → implemented, each step allowed', () => {
    expect(judgeStatusChange('new', 'under_study', null)).toBeNull();
    expect(judgeStatusChange('under_study', 'accepted', undefined)).toBeNull();
    expect(judgeStatusChange('accepted', 'implemented', 'Done in March')).toBeNull();
  });

  it('refuses a decline without a reason, whatever the spaces', () => {
    for (const reason of [null, undefined, '', '   \n ']) {
      expect(judgeStatusChange('under_study', 'declined', reason)?.refusal).toBe(StatusRefusal.reasonRequired);
    }
    expect(judgeStatusChange('under_study', 'declined', 'Too costly for 2027')).toBeNull();
  });

  it('asks a reason to reopen a declined idea too, and refuses a reason too long', () => {
    expect(judgeStatusChange('declined', 'under_study', '')?.refusal).toBe(StatusRefusal.reasonRequired);
    expect(judgeStatusChange('declined', 'under_study', 'The budget changed')).toBeNull();
    expect(judgeStatusChange('new', 'declined', 'x'.repeat(501))?.refusal).toBe(StatusRefusal.reasonTooLong);
    expect(judgeStatusChange('new', 'declined', 'é'.repeat(500))).toBeNull();
  });

  it('refuses moves outside the table and the same status, with the moves that are allowed', () => {
    expect(judgeStatusChange('new', 'implemented', 'why not')).toMatchObject({
      refusal: StatusRefusal.notAllowed,
      message: 'An idea that is new can only become under study or accepted or declined.',
    });
    expect(judgeStatusChange('implemented', 'declined', 'late')?.message).toBe('An idea that is implemented cannot change any more.');
    expect(judgeStatusChange('accepted', 'accepted', null)?.refusal).toBe(StatusRefusal.same);
  });

  it('lets every status but implemented move on, and only to known statuses', () => {
    for (const status of ideaStatuses) {
      for (const next of nextStatuses[status]) expect(ideaStatuses).toContain(next);
      expect(nextStatuses[status].length === 0).toBe(status === 'implemented');
    }
  });
});
