import { useId, useState } from 'react';
import { Icon } from '../../../components/icon';
import { useI18n } from '../../../i18n/i18n';
import { errorMessage } from '../../../lib/error-message';
import { setDocumentVisibility, type Paper, type Visibility } from '../api/papers';

/**
 * The private 🔒 / shared 👥 switch: two big halves (native radio buttons, so every screen reader
 * knows them) and one sentence saying who sees the paper now.
 */
export function VisibilityChoice({
  paper,
  sharedWith,
  onChanged,
  disabled = false,
}: {
  paper: Pick<Paper, 'id' | 'title' | 'visibility'>;
  /** Names of the structures that follow the person (they see shared papers). */
  sharedWith: readonly string[] | null;
  onChanged: (paper: Paper) => void;
  disabled?: boolean;
}) {
  const { t, locale } = useI18n();
  const [pending, setPending] = useState<Visibility | null>(null);
  const [error, setError] = useState<string | null>(null);
  const name = useId();
  const sentenceId = useId();
  const shown = pending ?? paper.visibility;

  async function choose(visibility: Visibility) {
    if (visibility === paper.visibility || pending) return;
    setPending(visibility);
    setError(null);
    try {
      onChanged(await setDocumentVisibility(paper.id, visibility));
    } catch (caught) {
      setError(errorMessage(caught, t, locale.code));
    } finally {
      setPending(null);
    }
  }

  const who =
    shown === 'private'
      ? t('visibility.privateSentence')
      : sharedWith === null
        ? t('visibility.sharedSentence')
        : sharedWith.length === 0
          ? t('visibility.sharedNobody')
          : t('visibility.sharedWith', {
              names: new Intl.ListFormat(locale.code, { type: 'conjunction' }).format(sharedWith),
            });

  return (
    <fieldset className="visibility" aria-describedby={sentenceId} disabled={disabled}>
      <legend className="visually-hidden">{t('visibility.legend', { title: paper.title })}</legend>
      <div className="visibility-options">
        <label className={`visibility-option${shown === 'private' ? ' is-on' : ''}`}>
          <input
            type="radio"
            name={name}
            value="private"
            checked={shown === 'private'}
            onChange={() => void choose('private')}
          />
          <Icon name="lock" />
          <span>{t('visibility.private')}</span>
        </label>
        <label className={`visibility-option${shown === 'shared' ? ' is-on is-shared' : ''}`}>
          <input
            type="radio"
            name={name}
            value="shared"
            checked={shown === 'shared'}
            onChange={() => void choose('shared')}
          />
          <Icon name="people" />
          <span>{t('visibility.shared')}</span>
        </label>
      </div>
      <p id={sentenceId} className="visibility-sentence" aria-live="polite">
        {who}
      </p>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
