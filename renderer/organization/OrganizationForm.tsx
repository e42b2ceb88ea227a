import { useState, type ReactNode } from 'react';
import { FormError, TextField } from '../components/Field.tsx';
import { useSubmit } from '../components/use-submit.ts';
import { useI18n } from '../i18n/index.tsx';

export interface NewOrganization {
  organization: string;
  name: string;
  email: string;
  password: string;
}

/** An organisation and its first administrator, on one short card: the first-run setup and the sign-up both use it. */
export function OrganizationForm(props: { title: string; intro: string; submit: string; onSubmit(form: NewOrganization): Promise<void>; children?: ReactNode }) {
  const { t } = useI18n();
  const submission = useSubmit();
  const [form, setForm] = useState<NewOrganization>({ organization: '', name: '', email: '', password: '' });
  const set = (key: keyof NewOrganization) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });

  return (
    <main id="main" className="auth-screen">
      <form className="card auth-card" onSubmit={submission.onSubmit(() => props.onSubmit(form))} noValidate aria-labelledby="organization-form-title">
        <h1 id="organization-form-title">{props.title}</h1>
        <p className="muted">{props.intro}</p>
        <TextField label={t('setup.organization')} value={form.organization} onChange={set('organization')} required autoFocus error={submission.field('organization')} autoComplete="organization" />
        <TextField label={t('setup.name')} value={form.name} onChange={set('name')} required error={submission.field('name')} autoComplete="name" />
        <TextField label={t('setup.email')} type="email" value={form.email} onChange={set('email')} required error={submission.field('email')} autoComplete="email" />
        <TextField
          label={t('setup.password')}
          type="password"
          value={form.password}
          onChange={set('password')}
          required
          minLength={10}
          hint={t('setup.passwordHint')}
          error={submission.field('password')}
          autoComplete="new-password"
        />
        <FormError message={submission.message} />
        <button className="button primary wide" type="submit" disabled={submission.busy}>
          {props.submit}
        </button>
        {props.children}
      </form>
    </main>
  );
}
