import type { ActivityRole } from '#core/api/activities';

/** Who sends the update, as the relay knows them (not as the update says). */
export interface Author {
  id: string;
  name: string;
  role: ActivityRole;
}
