import { useId, useState, type FormEvent } from 'react';
import { Icon } from '../../../components/icon';
import { Notice } from '../../../components/notice';
import { ScreenTitle } from '../../../components/screen-title';
import { useI18n } from '../../../i18n/i18n';
import { errorMessage } from '../../../lib/error-message';
import type { DeviceKind } from '../../../lib/offline';
import { verifyRecoveryCode } from '../api/auth';
import { useAuth } from '../auth-context';

/** Sign-in with the phone number and one code of the emergency card, when no SMS arrives. */
export function RecoveryForm({ initialPhone, onBack }: { initialPhone: string; onBack: () => void }) {
  const { t, locale } = useI18n();
  const { signedIn } = useAuth();
  const [phone, setPhone] = useState(initialPhone);
  const [code, setCode] = useState('');
  const [device, setDevice] = useState<DeviceKind>('shared');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const phoneId = useId();
  const codeId = useId();
  const codeHintId = useId();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!phone.trim() || !code.trim()) {
      setError(t('login.recovery.missing'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await verifyRecoveryCode({ phone, code, trustedDevice: device === 'own' });
      await signedIn(device);
    } catch (caught) {
      setError(errorMessage(caught, t, locale.code));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="screen" aria-labelledby="recovery-title">
      <ScreenTitle text={t('login.recovery.title')}>
        <span id="recovery-title">{t('login.recovery.title')}</span>
      </ScreenTitle>
      <p className="lead">{t('login.recovery.intro')}</p>
      <div aria-live="assertive" className="live">
        {error && <Notice kind="error">{error}</Notice>}
      </div>
      <form className="card stack" onSubmit={(e) => void onSubmit(e)} noValidate>
        <div className="field">
          <label htmlFor={phoneId}>{t('welcome.phone.label')}</label>
          <input
            id={phoneId}
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            dir="ltr"
            required
            value={phone}
            onChange={(e) => setPhone(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={codeId}>{t('login.recovery.code')}</label>
          <p id={codeHintId} className="hint">
            {t('login.recovery.codeHint')}
          </p>
          <input
            id={codeId}
            type="text"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            dir="ltr"
            required
            value={code}
            onChange={(e) => setCode(e.target.value)}
            aria-describedby={codeHintId}
          />
        </div>
        <fieldset className="radio-group">
          <legend>{t('login.device.question')}</legend>
          <label className="radio">
            <input type="radio" name="device" checked={device === 'own'} onChange={() => setDevice('own')} />
            <span>{t('login.device.own')}</span>
          </label>
          <label className="radio">
            <input type="radio" name="device" checked={device === 'shared'} onChange={() => setDevice('shared')} />
            <span>{t('login.device.shared')}</span>
          </label>
        </fieldset>
        <button type="submit" className="button button-primary" disabled={busy}>
          <Icon name="check" />
          {t('login.recovery.submit')}
        </button>
        <button type="button" className="button button-secondary" onClick={onBack}>
          <Icon name="back" className="icon-flip" />
          {t('common.back')}
        </button>
      </form>
    </section>
  );
}
