import { useEffect, useState, type FormEvent } from 'react';
import { AsyncStatus } from '../../../components/async-view';
import { FlashNotice } from '../../../components/flash-notice';
import { Icon } from '../../../components/icon';
import { Notice } from '../../../components/notice';
import { Screen } from '../../../components/screen';
import { useI18n } from '../../../i18n/i18n';
import { errorMessage } from '../../../lib/error-message';
import { setFlash } from '../../../lib/flash';
import { formatDay, formatSize } from '../../../lib/format';
import { canKeepOffline, forgetKept, isKeptOffline, keepOffline } from '../../../lib/offline';
import { navigate } from '../../../lib/router';
import { useAsync } from '../../../lib/use-async';
import {
  deleteDocument,
  getDocument,
  listDocumentTypes,
  updateDocument,
  urls,
  type DocumentType,
  type Paper,
} from '../api/papers';
import { themeOf } from '../themes';
import { BackToPapers } from './back-to-papers';
import { ExpiryBadge } from './expiry-badge';
import { DetailsFields, filledFields, TypeSelect, type PaperDetails } from './type-fields';
import { VisibilityChoice } from './visibility-choice';

async function load(id: string, signal: AbortSignal) {
  const [paper, types] = await Promise.all([getDocument(id, signal), listDocumentTypes().catch(() => [])]);
  return { paper, types };
}

/** One paper: preview, download, keep offline, details (editable), share, delete. */
export function PaperScreen({ id, sharedWith }: { id: string; sharedWith: readonly string[] | null }) {
  const { t, locale } = useI18n();
  const loaded = useAsync((signal) => load(id, signal), [id]);
  const { data, setData } = loaded;
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (!data) {
    return (
      <Screen titleId="paper-title" title={t('paper.title')}>
        <AsyncStatus state={loaded} />
        <BackToPapers />
      </Screen>
    );
  }

  const { paper, types } = data;
  const type = types.find((candidate) => candidate.id === paper.type?.id);
  const replace = (changed: Paper) => setData((d) => ({ ...d, paper: changed }));

  async function remove() {
    setBusy(true);
    setActionError(null);
    try {
      await deleteDocument(paper.id);
      await forgetKept(urls.download(paper.id)).catch(() => undefined);
      setFlash(t('paper.deleted', { title: paper.title }));
      navigate('/', { replace: true });
    } catch (caught) {
      setActionError(errorMessage(caught, t, locale.code));
      setBusy(false);
    }
  }

  return (
    <Screen titleId="paper-title" title={paper.title}>
      <FlashNotice />

      <div className="paper-hero card">
        <img
          className="paper-preview"
          src={urls.thumbnail(paper.id)}
          alt={t('paper.previewAlt', { title: paper.title })}
        />
        <div className="paper-hero-text">
          <p className="paper-type">
            <Icon name={themeOf(paper.type?.theme).icon} />
            {paper.type?.label ?? t('add.type.none')}
          </p>
          <ExpiryBadge expiryDate={paper.expiryDate} />
          <p className="hint">
            {paper.mime === 'application/pdf'
              ? t('paper.pdfInfo', { count: paper.pages, size: formatSize(paper.sizeBytes, locale.code) })
              : t('paper.photoInfo', { size: formatSize(paper.sizeBytes, locale.code) })}
          </p>
        </div>
      </div>

      <div className="card stack">
        <h2>{t('paper.who')}</h2>
        <VisibilityChoice paper={paper} sharedWith={sharedWith} onChanged={replace} />
      </div>

      <div className="card stack">
        <a className="button button-primary" href={urls.download(paper.id)} download>
          <Icon name="download" />
          {t('paper.download')}
        </a>
        <KeepOffline paper={paper} />
      </div>

      <div className="card stack">
        <h2>{t('paper.details')}</h2>
        {editing ? (
          <EditForm
            paper={paper}
            types={types}
            onCancel={() => setEditing(false)}
            onSaved={(changed) => {
              replace(changed);
              setEditing(false);
            }}
          />
        ) : (
          <>
            <Details paper={paper} type={type} />
            <button type="button" className="button button-secondary" onClick={() => setEditing(true)}>
              <Icon name="edit" />
              {t('paper.edit')}
            </button>
          </>
        )}
      </div>

      <div className="card stack">
        <div aria-live="assertive" className="live">
          {actionError && <Notice kind="error">{actionError}</Notice>}
        </div>
        {confirmDelete ? (
          <div className="confirm" role="group" aria-labelledby="delete-question">
            <p id="delete-question">
              <strong>{t('paper.deleteQuestion')}</strong> {t('paper.deleteExplain')}
            </p>
            <button type="button" className="button button-danger" disabled={busy} onClick={() => void remove()}>
              <Icon name="trash" />
              {t('paper.deleteConfirm')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setConfirmDelete(false)}>
              <Icon name="close" />
              {t('common.no')}
            </button>
          </div>
        ) : (
          <button type="button" className="button button-danger-outline" onClick={() => setConfirmDelete(true)}>
            <Icon name="trash" />
            {t('paper.delete')}
          </button>
        )}
      </div>
      <BackToPapers />
    </Screen>
  );
}

function Details({ paper, type }: { paper: Paper; type: DocumentType | undefined }) {
  const { t, locale } = useI18n();
  const rows: [string, string][] = [];
  for (const field of type?.fields ?? []) {
    const value = paper.typeFields?.[field.key];
    if (value) rows.push([field.label, field.kind === 'date' ? formatDay(value, locale.code, true) : value]);
  }
  for (const [key, value] of Object.entries(paper.typeFields ?? {})) {
    if (!type?.fields.some((field) => field.key === key) && value) rows.push([key, value]);
  }
  if (paper.issueDate) rows.push([t('add.issueDate'), formatDay(paper.issueDate, locale.code, true)]);
  if (paper.expiryDate) rows.push([t('add.expiryDate'), formatDay(paper.expiryDate, locale.code, true)]);
  rows.push([t('paper.addedOn'), formatDay(paper.createdAt, locale.code, true)]);
  return (
    <dl className="details">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function EditForm({
  paper,
  types,
  onCancel,
  onSaved,
}: {
  paper: Paper;
  types: readonly DocumentType[];
  onCancel: () => void;
  onSaved: (paper: Paper) => void;
}) {
  const { t, locale } = useI18n();
  const [title, setTitle] = useState(paper.title);
  const [typeId, setTypeId] = useState(paper.type?.id ?? '');
  const [details, setDetails] = useState<PaperDetails>({
    typeFields: paper.typeFields ?? {},
    issueDate: paper.issueDate ?? '',
    expiryDate: paper.expiryDate ?? '',
  });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!title.trim()) {
      setError(t('paper.titleMissing'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onSaved(
        await updateDocument(paper.id, {
          title: title.trim(),
          typeId: typeId || null,
          typeFields: filledFields(details.typeFields),
          issueDate: details.issueDate || null,
          expiryDate: details.expiryDate || null,
        }),
      );
    } catch (caught) {
      setError(errorMessage(caught, t, locale.code));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="stack-plain" onSubmit={(e) => void onSubmit(e)} noValidate>
      <div className="field">
        <label htmlFor="edit-title">{t('paper.titleLabel')}</label>
        <input id="edit-title" type="text" value={title} maxLength={120} onChange={(e) => setTitle(e.target.value)} />
      </div>
      <TypeSelect
        types={types}
        value={typeId}
        onChange={(id) => {
          setTypeId(id);
          setDetails((d) => ({ ...d, typeFields: {} }));
        }}
      />
      <DetailsFields type={types.find((candidate) => candidate.id === typeId)} value={details} onChange={setDetails} />
      <div aria-live="assertive" className="live">
        {error && <Notice kind="error">{error}</Notice>}
      </div>
      <button type="submit" className="button button-primary" disabled={busy}>
        <Icon name="check" />
        {t('common.save')}
      </button>
      <button type="button" className="button button-secondary" onClick={onCancel}>
        <Icon name="close" />
        {t('common.cancel')}
      </button>
    </form>
  );
}

/** "Keep on this phone": the whole document in the phone's storage, on the person's own phone only. */
function KeepOffline({ paper }: { paper: Paper }) {
  const { t } = useI18n();
  const url = urls.download(paper.id);
  const [kept, setKept] = useState<boolean | null>(null);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void isKeptOffline(url).then((value) => live && setKept(value));
    return () => {
      live = false;
    };
  }, [url]);

  if (!canKeepOffline() || kept === null) return null;

  async function toggle() {
    setBusy(true);
    try {
      if (kept) {
        await forgetKept(url);
        setKept(false);
        setMessage(t('paper.offlineRemoved'));
      } else {
        await keepOffline(url);
        setKept(true);
        setMessage(t('paper.offlineKept'));
      }
    } catch {
      setMessage(t('error.network'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button type="button" className="button button-secondary" disabled={busy} onClick={() => void toggle()}>
        <Icon name={kept ? 'close' : 'pin'} />
        {kept ? t('paper.offlineForget') : t('paper.offlineKeep')}
      </button>
      <p className="hint" aria-live="polite">
        {message || (kept ? t('paper.offlineKept') : t('paper.offlineHint'))}
      </p>
    </>
  );
}
