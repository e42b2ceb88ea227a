import type { SmsPreview } from '#core/api/sms';
import { composeSms } from '#core/sms/compose';
import { costOf } from '#core/sms/cost';
import { gsmSafe } from '#core/sms/gsm-safe';
import { refuseGuests, type Caller } from '../accounts/sessions.ts';
import type { Context } from '../context.ts';
import { settingsOf } from './settings.ts';

/** What a text would cost before it goes: encoding, segments, the characters that force UCS-2, the price; optionally rewritten GSM-safe. */
export async function previewSms(ctx: Context, caller: Caller, text: string, safe: boolean): Promise<SmsPreview> {
  // The SMS screens are the organisation's: a guest has none.
  refuseGuests(caller);
  const rewrite = safe ? gsmSafe(text) : { text, replaced: [] };
  const composed = composeSms(rewrite.text);
  const settings = await settingsOf(ctx.db, ctx.config.sms, caller.orgId);
  return {
    text: rewrite.text,
    encoding: composed.encoding,
    segments: composed.segments,
    characters: composed.characters,
    remaining: composed.remaining,
    nonGsmCharacters: composed.nonGsmCharacters,
    costMicros: costOf(composed.segments, settings.pricePerSegmentMicros),
    replaced: rewrite.replaced,
  };
}
