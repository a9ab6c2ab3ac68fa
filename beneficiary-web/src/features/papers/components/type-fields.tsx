import { useId } from 'react';
import { useI18n } from '../../../i18n/i18n';
import type { DocumentType } from '../api/papers';
import { themes } from '../themes';

/** "Which paper is it?": the types grouped by theme. */
export function TypeSelect({
  types,
  value,
  onChange,
}: {
  types: readonly DocumentType[];
  value: string;
  onChange: (typeId: string) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const hintId = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t('add.type.label')}</label>
      <p id={hintId} className="hint">
        {t('add.type.hint')}
      </p>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} aria-describedby={hintId}>
        <option value="">{t('add.type.none')}</option>
        {themes.map((theme) => {
          const ofTheme = types.filter((type) => type.theme === theme.code);
          if (ofTheme.length === 0) return null;
          return (
            <optgroup key={theme.code} label={t(theme.label)}>
              {ofTheme.map((type) => (
                <option key={type.id} value={type.id}>
                  {type.label}
                </option>
              ))}
            </optgroup>
          );
        })}
      </select>
    </div>
  );
}

export interface PaperDetails {
  typeFields: Record<string, string>;
  issueDate: string;
  expiryDate: string;
}

/** The fields of the chosen type, then the dates. */
export function DetailsFields({
  type,
  value,
  onChange,
}: {
  type: DocumentType | undefined;
  value: PaperDetails;
  onChange: (value: PaperDetails) => void;
}) {
  const { t } = useI18n();
  const base = useId();
  const setField = (key: string, text: string) =>
    onChange({ ...value, typeFields: { ...value.typeFields, [key]: text } });
  return (
    <>
      {type?.fields.map((field) => (
        <div className="field" key={field.key}>
          <label htmlFor={`${base}-${field.key}`}>
            {field.label} <span className="optional">{t('common.optional')}</span>
          </label>
          <input
            id={`${base}-${field.key}`}
            type={field.kind === 'date' ? 'date' : 'text'}
            inputMode={field.kind === 'number' ? 'decimal' : undefined}
            autoComplete="off"
            value={value.typeFields[field.key] ?? ''}
            onChange={(e) => setField(field.key, e.target.value)}
          />
        </div>
      ))}
      <div className="field">
        <label htmlFor={`${base}-issue`}>
          {t('add.issueDate')} <span className="optional">{t('common.optional')}</span>
        </label>
        <input
          id={`${base}-issue`}
          type="date"
          value={value.issueDate}
          onChange={(e) => onChange({ ...value, issueDate: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${base}-expiry`}>
          {t('add.expiryDate')} <span className="optional">{t('common.optional')}</span>
        </label>
        <p id={`${base}-expiry-hint`} className="hint">
          {t('add.expiryHint')}
        </p>
        <input
          id={`${base}-expiry`}
          type="date"
          value={value.expiryDate}
          onChange={(e) => onChange({ ...value, expiryDate: e.target.value })}
          aria-describedby={`${base}-expiry-hint`}
        />
      </div>
    </>
  );
}

/** Only the filled-in values, trimmed. */
export function filledFields(fields: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(fields)
      .map(([key, text]) => [key, text.trim()] as const)
      .filter(([, text]) => text !== ''),
  );
}
