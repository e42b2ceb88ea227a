import type { Context } from './context.ts';
import { accountsModule } from './accounts/module.ts';
import { actionsModule } from './actions/module.ts';
import { campaignsModule } from './campaigns/module.ts';
import { activitiesModule } from './activities/module.ts';
import { decisionsModule } from './decisions/module.ts';
import { figuresModule } from './figures/module.ts';
import { filesModule } from './files/module.ts';
import { forMeModule } from './for-me/module.ts';
import { historyModule } from './history/module.ts';
import { ideasModule } from './ideas/module.ts';
import { invitationsModule } from './invitations/module.ts';
import { mailModule } from './mail/module.ts';
import { notificationsModule } from './notifications/module.ts';
import { organizationsModule } from './organizations/module.ts';
import { peopleModule } from './people/module.ts';
import { pollsModule } from './polls/module.ts';
import type { RelayModule } from './relay-module.ts';
import { retentionModule } from './retention/module.ts';
import { smsModule } from './sms/module.ts';
import { templatesModule } from './templates/module.ts';

/** Every part of the relay, in start order (stopped in reverse). Add a feature by adding its module here. */
export function relayModules(ctx: Context): RelayModule[] {
  return [
    accountsModule(ctx),
    organizationsModule(ctx),
    activitiesModule(ctx),
    historyModule(ctx),
    smsModule(ctx),
    pollsModule(ctx),
    decisionsModule(ctx),
    figuresModule(ctx),
    ideasModule(ctx),
    campaignsModule(ctx),
    filesModule(ctx),
    mailModule(ctx),
    invitationsModule(ctx),
    peopleModule(ctx),
    notificationsModule(ctx),
    forMeModule(ctx),
    actionsModule(ctx),
    templatesModule(ctx),
    retentionModule(ctx),
  ];
}
