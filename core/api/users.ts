import { z } from 'zod';
import { rightIds } from '../people/rights.ts';
import { lineText } from '../text/clean.ts';
import { Email, Id, Password, PersonName } from './common.ts';

export const OrgRole = z.enum(['admin', 'member']);
export type OrgRole = z.infer<typeof OrgRole>;

/** A phone number as typed by a person; the server normalises it to E.164. */
export const PhoneInput = z.string().trim().min(3).max(32);

export const CreateUserRequest = z
  .strictObject({
    name: PersonName,
    email: Email,
    password: Password,
    phone: PhoneInput.optional(),
    role: OrgRole,
    /** The admin declares the person agreed to receive SMS (recorded: when, how, by whom). */
    smsOptIn: z.boolean().optional(),
  })
  .refine((u) => !u.smsOptIn || u.phone !== undefined, { message: 'an SMS opt-in needs a phone number', path: ['smsOptIn'] });
export type CreateUserRequest = z.infer<typeof CreateUserRequest>;

export const UpdateUserRequest = z.strictObject({
  name: PersonName.optional(),
  phone: PhoneInput.nullable().optional(),
  role: OrgRole.optional(),
  /** true cuts the person off at once (sessions, live connections, tickets); false lets them in again. */
  disabled: z.boolean().optional(),
});
export type UpdateUserRequest = z.infer<typeof UpdateUserRequest>;

/** `POST /api/me/password`: every other session of the person ends. */
export const ChangePasswordRequest = z.strictObject({ current: z.string().min(1).max(200), password: Password });

export const User = z.object({
  id: Id,
  name: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  role: OrgRole,
  createdAt: z.string(),
  /** Invited to one activity from outside the organisation (shown as a guest wherever the name appears). */
  guest: z.boolean(),
  /** Disabled by an administrator: cannot sign in (`account_disabled`). */
  disabled: z.boolean(),
});
export type User = z.infer<typeof User>;

export const Me = User.extend({
  /** The person's own language; null: their organisation's. */
  language: z.enum(['fr', 'en']).nullable().default(null),
  organization: z.object({ id: Id, name: z.string(), region: z.string(), locale: z.string() }),
  /** The rights the person holds in their organisation (core/people/rights.ts), so the app offers only what the relay allows. */
  rights: z.array(z.enum(rightIds)).default([]),
  /** Their one consent to be named publicly (core/api/people.ts `UpdateProfileRequest`). */
  namedPublicly: z.boolean().default(false),
});
export type Me = z.infer<typeof Me>;

export const CreateGroupRequest = z.strictObject({
  name: lineText().min(1, 'a group name is required').max(120),
  members: z.array(Id).max(10_000).default([]),
});
export type CreateGroupRequest = z.infer<typeof CreateGroupRequest>;

export const GroupMembersRequest = z.strictObject({ members: z.array(Id).max(10_000) });
export const RenameGroupRequest = z.strictObject({ name: CreateGroupRequest.shape.name });
export const AddGroupMemberRequest = z.strictObject({ userId: Id });

export const Group = z.object({
  id: Id,
  name: z.string(),
  members: z.array(Id),
});
export type Group = z.infer<typeof Group>;
