import { cleanText } from '../text/clean.ts';

/**
 * What a person wrote in a reply to a notification e-mail, without what their mail
 * program added: the quoted message (lines starting with ">", and everything from the
 * first "On … wrote:" / "Le … a écrit :" / "-----Original Message-----" / Outlook's
 * "From: …" block / a "-- " signature on), trailing blank lines. Cleaned like every text.
 */
const cutMarkers = [
  /^\s*On\b.{0,300}\bwrote:\s*$/i,
  /^\s*Le\b.{0,300}\ba écrit\s*:\s*$/i,
  /^\s*-{2,}\s*(Original Message|Message d'origine|Forwarded message|Message transféré)\s*-{2,}\s*$/i,
  /^\s*_{10,}\s*$/,
  /^\s*(From|De)\s*:\s.+$/,
  /^-- ?$/,
  /^\s*(Sent from my|Envoyé de mon)\b/i,
];

/** A reply's own words, at most `maxChars` characters. */
export function replyText(body: string, maxChars = 5_000): string {
  const kept: string[] = [];
  for (const line of cleanText(body, 'lines').split('\n')) {
    if (cutMarkers.some((m) => m.test(line))) break;
    if (/^\s*>/.test(line)) continue;
    kept.push(line.replace(/\s+$/, ''));
  }
  return kept.join('\n').replace(/\n{3,}/g, '\n\n').trim().slice(0, maxChars).trim();
}

/** True when the reply says only "OK" (any case, "okay", "d'accord", with a stop or "!" at most): an acknowledgement. */
export function isAcknowledgement(text: string): boolean {
  return /^(ok|okay|d['’]accord)\s*[.!]?$/i.test(text.trim());
}
