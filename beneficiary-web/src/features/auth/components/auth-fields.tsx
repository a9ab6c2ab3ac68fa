import { useId, type ComponentProps, type ReactNode } from 'react';
import { useI18n } from '../../../i18n/i18n';

type InputProps = Omit<ComponentProps<'input'>, 'id' | 'dir' | 'required' | 'aria-describedby'>;

/**
 * A field of the sign-in forms: a label, an optional hint the input points to, and a required input
 * written left to right (numbers and codes, even in a right-to-left language).
 */
export function AuthField({ label, hint, ...input }: InputProps & { label: string; hint?: ReactNode }) {
  const id = useId();
  const hintId = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      <input {...input} id={id} dir="ltr" required aria-describedby={hint ? hintId : undefined} />
    </div>
  );
}

/** The phone number the person signs in with. */
export function PhoneField(props: Omit<InputProps, 'type' | 'inputMode' | 'autoComplete'> & { hint?: ReactNode }) {
  const { t } = useI18n();
  return <AuthField label={t('welcome.phone.label')} type="tel" inputMode="tel" autoComplete="tel" {...props} />;
}
