import { useState, type FormEvent } from 'react';
import { Icon } from '../../../components/icon';
import { Notice } from '../../../components/notice';
import { Screen } from '../../../components/screen';
import { useI18n } from '../../../i18n/i18n';
import { errorMessage } from '../../../lib/error-message';
import type { DeviceKind } from '../../../lib/offline';
import { verifyRecoveryCode } from '../api/auth';
import { useAuth } from '../auth-context';
import { AuthField, PhoneField } from './auth-fields';

/** Sign-in with the phone number and one code of the emergency card, when no SMS arrives. */
export function RecoveryForm({ initialPhone, onBack }: { initialPhone: string; onBack: () => void }) {
  const { t, locale } = useI18n();
  const { signedIn } = useAuth();
  const [phone, setPhone] = useState(initialPhone);
  const [code, setCode] = useState('');
  const [device, setDevice] = useState<DeviceKind>('shared');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

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
    <Screen titleId="recovery-title" title={t('login.recovery.title')}>
      <p className="lead">{t('login.recovery.intro')}</p>
      <div aria-live="assertive" className="live">
        {error && <Notice kind="error">{error}</Notice>}
      </div>
      <form className="card stack" onSubmit={(e) => void onSubmit(e)} noValidate>
        <PhoneField value={phone} onChange={(e) => setPhone(e.target.value)} />
        <AuthField
          label={t('login.recovery.code')}
          hint={t('login.recovery.codeHint')}
          type="text"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          value={code}
          onChange={(e) => setCode(e.target.value)}
        />
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
    </Screen>
  );
}
