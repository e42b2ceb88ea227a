import '../styles/sms.css';
import { hrefOf, type SmsTab } from '../state/use-route.ts';
import { useSignedIn } from '../state/use-session.tsx';
import { useSmsCounts } from '../state/use-sms.ts';
import { ComposeTestPanel } from './ComposeTestPanel.tsx';
import { ConsentTable } from './ConsentTable.tsx';
import { OutboxTable } from './OutboxTable.tsx';
import { ProviderPanel } from './ProviderPanel.tsx';
import { RepliesInbox } from './RepliesInbox.tsx';
import { useI18n, type MessageKey } from '../i18n/index.tsx';

const tabs: { tab: SmsTab; label: MessageKey }[] = [
  { tab: 'outbox', label: 'sms.tab.outbox' },
  { tab: 'people', label: 'sms.tab.people' },
  { tab: 'replies', label: 'sms.tab.replies' },
  { tab: 'provider', label: 'sms.tab.provider' },
];

/** The SMS gateway for admins: Outbox and delivery log, consent, replies, provider and budget. */
export function SmsScreen({ tab }: { tab: SmsTab }) {
  const { t } = useI18n();
  const { me } = useSignedIn();
  const counts = useSmsCounts();
  if (me.role !== 'admin') {
    return (
      <main id="main" className="page">
        <p className="notice">{t('sms.adminsOnly')}</p>
      </main>
    );
  }
  return (
    <main id="main" className="page sms-page">
      <div className="page-head">
        <h1>{t('sms.title')}</h1>
      </div>
      <nav className="tabs" aria-label={t('sms.title')}>
        {tabs.map((x) => (
          <a key={x.tab} className="tab" href={hrefOf({ name: 'sms', tab: x.tab })} aria-current={x.tab === tab ? 'page' : undefined}>
            {t(x.label)}
          </a>
        ))}
      </nav>
      {tab === 'outbox' && (
        <div className="sms-columns">
          <OutboxTable />
          <ComposeTestPanel onSent={counts.reload} />
        </div>
      )}
      {tab === 'people' && <ConsentTable />}
      {tab === 'replies' && <RepliesInbox />}
      {tab === 'provider' && <ProviderPanel />}
    </main>
  );
}
