import { describe, expect, it } from "vitest";
import { addPerson, type Api } from "../../support/api.ts";
import {
  withMailOrganisation,
  type MailRelay,
} from "../../support/mail-relay.ts";
import { noticesOf } from "../../support/notices.ts";
import { queryStore } from "../../support/store-reader.ts";

/**
 * A flood of notices is no flood of mail (README "Notifications"): a facilitator opening
 * 55 polls in an afternoon puts 55 notices in each member's bell, but each member gets at
 * most 50 activity notices a day by e-mail (being added included); the rest stay in the bell.
 */
let world: MailRelay;
let admin: Api;
withMailOrganisation(
  new Date("2026-12-01T09:00:00Z"),
  (w, a) => {
    world = w;
    admin = a;
  },
  { CONCLAVE_NOTICES_TICK_MS: "100" },
);

const stored = <T>(sql: string, params: string[]) =>
  queryStore<T>(world.relay.dataDir, sql, params);

describe("notices by e-mail, per person and day", () => {
  it("55 polls opened: 56 notices in the bell, 50 e-mails, for each member", async () => {
    const fabien = await addPerson(admin, "Fabien Facile");
    const bob = await addPerson(admin, "Bob Bonnet");
    const carol = await addPerson(admin, "Carol Carre");
    const { id: activityId } = await fabien.api.ok<{ id: string }>(
      "POST",
      "/api/activities",
      { title: "Canteen menu", question: "Which caterer from January?" },
    );
    for (const who of [bob, carol])
      await fabien.api.ok("POST", `/api/activities/${activityId}/members`, {
        userId: who.id,
        role: "contributor",
      });
    for (let i = 1; i <= 55; i++) {
      await fabien.api.ok("POST", `/api/activities/${activityId}/polls`, {
        kind: "single",
        question: `Dish number ${i}?`,
        options: ["Yes", "No"],
        rule: "plurality",
        deadline: "2026-12-09T09:00:00Z",
      });
    }
    const untold = async () =>
      (
        await stored<{ n: number }>(
          "SELECT (SELECT COUNT(*) FROM activity_notices WHERE told_at IS NULL) + (SELECT COUNT(*) FROM poll_round_notices WHERE kind = 'vote_opening') AS n",
          [],
        )
      )[0]!.n;
    for (let tries = 0; (await untold()) > 0; tries++) {
      if (tries > 1200) throw new Error("the notices were not all told");
      await new Promise((r) => setTimeout(r, 50));
    }
    for (const who of [bob, carol]) {
      expect(await noticesOf(who.api)).toHaveLength(56);
      const mails = await stored<{ kind: string }>(
        "SELECT m.kind FROM mail_messages m JOIN users u ON u.email = m.to_address WHERE u.id = ?",
        [who.id],
      );
      expect(
        mails.filter((m) => m.kind.startsWith("notification.")),
      ).toHaveLength(50);
    }
  }, 180_000);
});
