import { useId, type FormEvent } from 'react';
import { useI18n } from '../../../i18n/i18n';

/**
 * First screen: what Consigne is, and sign-in by phone number.
 * Placeholder: the form is not wired to the API yet (the one-time-code endpoints do not exist).
 */
export function WelcomeScreen() {
  const { t } = useI18n();
  const phoneId = useId();
  const hintId = useId();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // TODO(auth): POST the number to the one-time-code endpoint, then show the code screen.
  }

  return (
    <section className="welcome" aria-labelledby="welcome-title">
      <h1 id="welcome-title">{t('welcome.title')}</h1>
      <p className="lead">{t('welcome.intro')}</p>

      <form className="stack" onSubmit={onSubmit} noValidate>
        <div className="field">
          <label htmlFor={phoneId}>{t('welcome.phone.label')}</label>
          <p id={hintId} className="hint">
            {t('welcome.phone.hint')}
          </p>
          <input
            id={phoneId}
            name="phone"
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            dir="ltr"
            required
            aria-describedby={hintId}
          />
        </div>
        <button type="submit" className="button button-primary">
          {t('welcome.submit')}
        </button>
      </form>

      <p className="help">{t('welcome.help')}</p>
    </section>
  );
}
