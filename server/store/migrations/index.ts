import type { Migration } from '../migration.ts';
import { activityNotices } from './710-activity-notices.ts';
import { organizationRights } from './720-organization-rights.ts';
import { voteNotices } from './730-vote-notices.ts';
import { retention } from './750-retention.ts';
import { clientClaims } from './770-client-claims.ts';
import { actionItems } from './780-action-items.ts';
import { decisionBoards } from './790-decision-boards.ts';
import { publicCampaigns } from './800-public-campaigns.ts';
import { ideaFunnel } from './820-idea-funnel.ts';
import { activityTemplates } from './840-activity-templates.ts';
import { accounts } from './001-accounts.ts';
import { activities } from './002-activities.ts';
import { documents } from './003-documents.ts';
import { figures } from './300-figures.ts';
import { figureImportRows } from './301-figure-import-rows.ts';
import { morningMessage } from './302-morning-message.ts';
import { updateSummaries } from './004-update-summaries.ts';
import { logCompaction } from './005-log-compaction.ts';
import { documentClients } from './006-document-clients.ts';
import { historyIndex } from './110-history-index.ts';
import { clientBackfill } from './120-client-backfill.ts';
import { sms } from './200-sms.ts';
import { smsReceiptRef } from './201-sms-receipt-ref.ts';
import { smsClaimOrder } from './202-sms-claim-order.ts';
import { smsPartNumbers } from './203-sms-part-numbers.ts';
import { smsPartNumbersBackfill } from './204-sms-part-numbers-backfill.ts';
import { smsEarlyReceipts } from './205-sms-early-receipts.ts';
import { personLocale } from './206-person-locale.ts';
import { smsAbuseLimits } from './207-sms-abuse-limits.ts';
import { smsPersonCap } from './210-sms-person-cap.ts';
import { smsOrgSenders } from './211-sms-org-senders.ts';
import { smsAccounts } from './212-sms-accounts.ts';
import { polls } from './400-polls.ts';
import { anonymousParticipation } from './401-anonymous-participation.ts';
import { decisions } from './410-decisions.ts';
import { ideas } from './500-ideas.ts';
import { mail } from './600-mail.ts';
import { invitations } from './610-invitations.ts';
import { passwordResets } from './620-password-resets.ts';
import { profile } from './621-profile.ts';
import { erasure } from './622-erasure.ts';
import { notificationPrefs } from './623-notification-prefs.ts';
import { digest } from './624-digest.ts';
import { emailAcknowledgements } from './625-email-acknowledgements.ts';
import { inboundMailSeen } from './626-inbound-mail-seen.ts';
import { erasureDocuments } from './627-erasure-documents.ts';
import { organizations } from './700-organizations.ts';
import { files } from './740-files.ts';
import { decisionFiles } from './775-decision-files.ts';
import { derivedBytes } from './860-derived-bytes.ts';
import { ideaComments } from './900-idea-comments.ts';
import { mergeNoticeOutbox } from './901-merge-notice-outbox.ts';
import { oneNameConsent } from './902-one-name-consent.ts';
import { clusterLeases } from './885-cluster-leases.ts';
import { mailClaims } from './886-mail-claims.ts';
import { roomOwners } from './880-room-owners.ts';
import { postgresRowid } from './870-postgres-rowid.ts';
import { invitationMails } from './930-invitation-mails.ts';
import { invitationsByAddress } from './950-invitations-by-address.ts';
import { fileChunks } from './940-file-chunks.ts';
import { ideaPhotoBytes } from './941-idea-photo-bytes.ts';
import { personAndOrganisationIndexes } from './960-person-and-organisation-indexes.ts';
import { everydayIndexes } from './961-everyday-indexes.ts';
import { removalIndexes } from './962-removal-indexes.ts';
import { liveBellIndex } from './963-live-bell-index.ts';
import { decisionsToAcknowledge } from './964-decisions-to-acknowledge.ts';
import { pollSealCheck } from './402-poll-seal-check.ts';

/**
 * Every migration, by area. Numbers are grouped so areas do not collide:
 * 1–99 accounts and activities, 100–199 documents, 200–299 SMS, 300–399 figures,
 * 400–499 decisions, 500–599 ideas, 600–699 e-mail and people's accounts,
 * 700–799 organisations, plans and the operator; 740 files in activities; 780 action items;
 * 800–819 public idea campaigns; 840 activity templates; 860–869 files' derived contents;
 * 885–889 several relay nodes on one store (leases, claims).
 * 870–879 the store on PostgreSQL; 900–909 ideas on public campaigns (comments, outboxes, consent);
 * 930–939 rates counted in the store (across restarts and nodes); 950–969 indexes for
 * finding a person's and an organisation's rows among many organisations' (961: the everyday
 * requests' and timed jobs'; 962: a closed activity's removal; 963: the live bell;
 * 964: a person's decisions to acknowledge).
 */
export const migrations: Migration[] = [
  accounts,
  activities,
  documents,
  updateSummaries,
  logCompaction,
  documentClients,
  historyIndex,
  clientBackfill,
  sms,
  smsReceiptRef,
  smsClaimOrder,
  smsPartNumbers,
  smsPartNumbersBackfill,
  smsEarlyReceipts,
  personLocale,
  smsAbuseLimits,
  smsPersonCap,
  smsOrgSenders,
  smsAccounts,
  figures,
  figureImportRows,
  morningMessage,
  polls,
  anonymousParticipation,
  pollSealCheck,
  decisions,
  ideas,
  mail,
  invitations,
  passwordResets,
  profile,
  erasure,
  notificationPrefs,
  digest,
  emailAcknowledgements,
  inboundMailSeen,
  erasureDocuments,
  organizations,
  activityNotices,
  organizationRights,
  voteNotices,
  files,
  retention,
  clientClaims,
  decisionFiles,
  actionItems,
  decisionBoards,
  publicCampaigns,
  ideaFunnel,
  activityTemplates,
  derivedBytes,
  ideaComments,
  mergeNoticeOutbox,
  oneNameConsent,
  clusterLeases,
  mailClaims,
  roomOwners,
  postgresRowid,
  invitationMails,
  invitationsByAddress,
  fileChunks,
  ideaPhotoBytes,
  personAndOrganisationIndexes,
  everydayIndexes,
  removalIndexes,
  liveBellIndex,
  decisionsToAcknowledge,
];
