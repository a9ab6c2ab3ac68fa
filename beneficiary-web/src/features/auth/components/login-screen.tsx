import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Icon } from '../../../components/icon';
import { Notice } from '../../../components/notice';
import { Screen } from '../../../components/screen';
import { useI18n } from '../../../i18n/i18n';
import { ApiError } from '../../../lib/api';
import { errorMessage } from '../../../lib/error-message';
import type { DeviceKind } from '../../../lib/offline';
import { requestSmsCode, verifySmsCode } from '../api/auth';
import { useAuth } from '../auth-context';
import { AuthField, PhoneField } from './auth-fields';
import { DeviceChoice } from './device-choice';
import { RecoveryForm } from './recovery-form';

type Step = 'phone' | 'code' | 'device' | 'recovery';

/**
 * Sign-in by SMS: phone number → 6-digit code → "my phone / shared phone" → signed in.
 * The answer to a number is the same whether it has an account or not (the server decides who
 * gets an SMS), so the screen says "if this number is registered".
 */
export function LoginScreen() {
  const { t, locale } = useI18n();
  const { state, signedIn } = useAuth();
  const [step, setStep] = useState<Step>('phone');
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [requestId, setRequestId] = useState<string | null>(null);
  const [device, setDevice] = useState<DeviceKind | null>(null);
  const [wrongTries, setWrongTries] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [info, setInfo] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const codeRef = useRef<HTMLInputElement>(null);
  const stepRef = useRef<HTMLDivElement>(null);
  /** Bumped to move the focus to the current step's first field (after a send, a wrong code…). */
  const [focusTick, setFocusTick] = useState(0);

  async function askCode() {
    setBusy(true);
    setError(null);
    setInfo(null);
    try {
      const answer = await requestSmsCode({ phone });
      setRequestId(answer.requestId);
      setCode('');
      setWrongTries(0);
      setInfo(t('login.code.sent'));
      setStep('code');
      setFocusTick((n) => n + 1);
    } catch (caught) {
      setError(errorMessage(caught, t, locale.code));
    } finally {
      setBusy(false);
    }
  }

  async function verify(kind: DeviceKind) {
    if (!requestId) return;
    setDevice(kind);
    setBusy(true);
    setError(null);
    setInfo(null);
    try {
      await verifySmsCode({ requestId, code, trustedDevice: kind === 'own' });
      await signedIn(kind);
    } catch (caught) {
      setStep('code');
      setCode('');
      if (caught instanceof ApiError && caught.code === 'invalid_code') {
        setWrongTries((n) => n + 1);
        const left = caught.problem.attemptsLeft;
        setError(
          typeof left === 'number'
            ? t(left > 1 ? 'login.code.wrongMany' : 'login.code.wrongOne', { left })
            : caught.title,
        );
      } else if (caught instanceof ApiError && caught.code === 'code_expired') {
        setError(wrongTries > 0 ? t('login.code.tooManyTries') : t('login.code.expired'));
        setRequestId(null);
      } else {
        setError(errorMessage(caught, t, locale.code));
      }
      setFocusTick((n) => n + 1);
    } finally {
      setBusy(false);
    }
  }

  function onPhoneSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!phone.trim()) {
      setError(t('login.phone.missing'));
      return;
    }
    void askCode();
  }

  function onCodeSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!/^\d{6}$/.test(code)) {
      setError(t('login.code.format'));
      return;
    }
    if (device) void verify(device);
    else {
      setError(null);
      setStep('device');
      setFocusTick((n) => n + 1);
    }
  }

  useEffect(() => {
    if (focusTick === 0) return;
    if (step === 'code') codeRef.current?.focus();
    else if (step === 'device') stepRef.current?.querySelector<HTMLElement>('h2')?.focus();
  }, [focusTick, step]);

  if (step === 'recovery') {
    return <RecoveryForm initialPhone={phone} onBack={() => setStep('phone')} />;
  }

  const expired = state.status === 'signedOut' && state.reason === 'expired';
  const staff = state.status === 'signedOut' && state.reason === 'staff';

  return (
    <Screen titleId="login-title" title={t('welcome.title')} className="login">
      {step === 'phone' && <p className="lead">{t('welcome.intro')}</p>}
      {expired && <Notice kind="info">{t('login.expired')}</Notice>}
      {staff && <Notice kind="info">{t('login.staff')}</Notice>}

      <div aria-live="polite" className="live">
        {info && step !== 'phone' && <Notice kind="info">{info}</Notice>}
      </div>
      <div aria-live="assertive" className="live">
        {error && <Notice kind="error">{error}</Notice>}
      </div>

      {step === 'phone' && (
        <form className="card stack" onSubmit={onPhoneSubmit} noValidate>
          <PhoneField
            name="phone"
            hint={t('welcome.phone.hint')}
            value={phone}
            onChange={(e) => setPhone(e.target.value)}
          />
          <button type="submit" className="button button-primary" disabled={busy}>
            <Icon name="next" className="icon-flip" />
            {t('welcome.submit')}
          </button>
        </form>
      )}

      {step === 'code' && (
        <form className="card stack" onSubmit={onCodeSubmit} noValidate>
          {requestId ? (
            <AuthField
              label={t('login.code.label')}
              hint={t('login.code.hint', { phone })}
              ref={codeRef}
              name="code"
              type="text"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]*"
              maxLength={6}
              className="code-input"
              value={code}
              onChange={(e) => setCode(e.target.value.replace(/\D/g, '').slice(0, 6))}
            />
          ) : null}
          {requestId ? (
            <button type="submit" className="button button-primary" disabled={busy}>
              <Icon name="check" />
              {t('login.code.submit')}
            </button>
          ) : null}
          {device && requestId && (
            <p className="hint">
              {t(device === 'own' ? 'login.device.chosenOwn' : 'login.device.chosenShared')}{' '}
              <button type="button" className="link-button" onClick={() => setDevice(null)}>
                {t('login.device.change')}
              </button>
            </p>
          )}
          <button
            type="button"
            className={requestId ? 'button button-secondary' : 'button button-primary'}
            disabled={busy}
            onClick={() => void askCode()}
          >
            <Icon name="refresh" />
            {t('login.code.resend')}
          </button>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              setStep('phone');
              setError(null);
              setInfo(null);
            }}
          >
            <Icon name="edit" />
            {t('login.phone.change')}
          </button>
        </form>
      )}

      {step === 'device' && (
        <div className="card stack" ref={stepRef}>
          <DeviceChoice busy={busy} onChoose={(kind) => void verify(kind)} />
        </div>
      )}

      <div className="card stack help-card">
        <p className="help">{t('login.noSms')}</p>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => {
            setError(null);
            setStep('recovery');
          }}
        >
          <Icon name="card" />
          {t('login.recovery.open')}
        </button>
        <p className="help">{t('welcome.help')}</p>
      </div>
    </Screen>
  );
}
