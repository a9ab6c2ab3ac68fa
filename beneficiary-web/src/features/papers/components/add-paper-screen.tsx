import { useEffect, useId, useMemo, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { Icon } from '../../../components/icon';
import { Notice } from '../../../components/notice';
import { ProgressBar } from '../../../components/progress-bar';
import { Screen } from '../../../components/screen';
import { useI18n } from '../../../i18n/i18n';
import { errorMessage } from '../../../lib/error-message';
import { setFlash } from '../../../lib/flash';
import { formatSize } from '../../../lib/format';
import { navigate } from '../../../lib/router';
import { useAsync } from '../../../lib/use-async';
import { listDocumentTypes, setDocumentVisibility, type Visibility } from '../api/papers';
import { uploadDocument } from '../api/upload';
import { shrinkPhoto } from '../shrink-photo';
import { BackToPapers } from './back-to-papers';
import { DetailsFields, filledFields, TypeSelect, type PaperDetails } from './type-fields';

interface Page {
  key: number;
  file: File;
  /** Object URL for the preview of a photo; null for a PDF. */
  preview: string | null;
}

type Sending =
  | { state: 'idle' }
  | { state: 'preparing' }
  | { state: 'sending'; percent: number; attempt: number }
  | { state: 'failed'; message: string; canRetry: boolean };

let nextKey = 1;

/**
 * Add a paper: photos taken with the camera (one per page or side, put together into one PDF by
 * the server) or a file from the phone; then what it is; private unless the person says otherwise.
 */
export function AddPaperScreen() {
  const { t, locale } = useI18n();
  const types = useAsync(() => listDocumentTypes(), []);
  const [pages, setPages] = useState<Page[]>([]);
  const [typeId, setTypeId] = useState('');
  const [details, setDetails] = useState<PaperDetails>({ typeFields: {}, issueDate: '', expiryDate: '' });
  const [visibility, setVisibility] = useState<Visibility>('private');
  const [sending, setSending] = useState<Sending>({ state: 'idle' });
  const [announce, setAnnounce] = useState('');
  const controller = useRef<AbortController | null>(null);
  const cameraId = useId();
  const fileId = useId();
  const visibilityName = useId();

  const type = useMemo(() => types.data?.find((candidate) => candidate.id === typeId), [types.data, typeId]);
  const isPdf = pages.length === 1 && pages[0]!.file.type === 'application/pdf';

  // Free the previews' memory when they go.
  const previews = useRef(new Set<string>());
  useEffect(() => {
    const kept = previews.current;
    return () => kept.forEach((url) => URL.revokeObjectURL(url));
  }, []);

  function addFiles(event: ChangeEvent<HTMLInputElement>, fromCamera: boolean) {
    const picked = Array.from(event.target.files ?? []);
    event.target.value = '';
    if (picked.length === 0) return;
    const asPages = picked.map((file) => {
      const preview = file.type.startsWith('image/') ? URL.createObjectURL(file) : null;
      if (preview) previews.current.add(preview);
      return { key: nextKey++, file, preview };
    });
    const pdf = asPages.find((page) => page.file.type === 'application/pdf');
    setSending({ state: 'idle' });
    if (pdf) {
      // A PDF travels alone: it replaces the photos.
      setPages([pdf]);
      setAnnounce(t('add.pages.pdfChosen', { name: pdf.file.name }));
    } else {
      setPages((current) => {
        const next = [...current.filter((page) => page.file.type !== 'application/pdf'), ...asPages];
        setAnnounce(t(fromCamera ? 'add.pages.photoAdded' : 'add.pages.added', { count: next.length }));
        return next;
      });
    }
  }

  function removePage(key: number) {
    setPages((current) => {
      const next = current.filter((page) => page.key !== key);
      setAnnounce(t('add.pages.removed', { count: next.length }));
      return next;
    });
  }

  async function send() {
    const abort = new AbortController();
    controller.current = abort;
    setSending({ state: 'preparing' });
    try {
      const files = await Promise.all(pages.map((page) => shrinkPhoto(page.file)));
      setSending({ state: 'sending', percent: 0, attempt: 1 });
      let lastAnnounced = 0;
      const paper = await uploadDocument(
        {
          files,
          // A phone names its photos IMG_2025…: the kind of paper is a better name.
          title: type?.label,
          typeId: typeId || undefined,
          typeFields: filledFields(details.typeFields),
          issueDate: details.issueDate || undefined,
          expiryDate: details.expiryDate || undefined,
        },
        {
          signal: abort.signal,
          onProgress: (percent) => {
            setSending((s) => (s.state === 'sending' ? { ...s, percent } : s));
            const step = Math.floor(percent / 25) * 25;
            if (step > lastAnnounced) {
              lastAnnounced = step;
              setAnnounce(t('add.progress', { percent: step }));
            }
          },
          onRetry: (attempt) => {
            lastAnnounced = 0;
            setSending({ state: 'sending', percent: 0, attempt });
            setAnnounce(t('add.retrying', { attempt }));
          },
        },
      );
      let shared = false;
      if (visibility === 'shared') {
        try {
          await setDocumentVisibility(paper.id, 'shared');
          shared = true;
        } catch {
          // stays private; the person can share it from its page
        }
      }
      setFlash(t(shared ? 'add.doneShared' : 'add.donePrivate'));
      navigate(`/papers/${paper.id}`, { replace: true });
    } catch (caught) {
      if (caught instanceof DOMException && caught.name === 'AbortError') {
        setSending({ state: 'idle' });
        setAnnounce(t('add.cancelled'));
        return;
      }
      setSending({ state: 'failed', message: errorMessage(caught, t, locale.code), canRetry: true });
    } finally {
      controller.current = null;
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pages.length === 0) {
      setSending({ state: 'failed', message: t('add.noFile'), canRetry: false });
      return;
    }
    void send();
  }

  const busy = sending.state === 'preparing' || sending.state === 'sending';

  return (
    <Screen titleId="add-title" title={t('add.title')}>
      <p className="visually-hidden" aria-live="polite">
        {announce}
      </p>

      <form className="stack-plain" onSubmit={onSubmit} noValidate>
        <section className="card stack" aria-labelledby="add-pages-title">
          <h2 id="add-pages-title">{t('add.pages.title')}</h2>
          <p className="hint">{t('add.pages.hint')}</p>

          {pages.length > 0 && (
            <ol className="page-list">
              {pages.map((page, index) => (
                <li key={page.key} className="page-item">
                  {page.preview ? (
                    <img src={page.preview} alt="" className="page-preview" />
                  ) : (
                    <span className="page-preview page-preview-file">
                      <Icon name="file" />
                    </span>
                  )}
                  <span className="page-name">
                    {isPdf ? page.file.name : t('add.pages.page', { number: index + 1 })}
                    <span className="hint">{formatSize(page.file.size, locale.code)}</span>
                  </span>
                  <button
                    type="button"
                    className="icon-button"
                    disabled={busy}
                    onClick={() => removePage(page.key)}
                    aria-label={t('add.pages.remove', {
                      name: isPdf ? page.file.name : t('add.pages.page', { number: index + 1 }),
                    })}
                  >
                    <Icon name="close" />
                  </button>
                </li>
              ))}
            </ol>
          )}

          <div className="file-buttons">
            <input
              id={cameraId}
              className="file-input"
              type="file"
              accept="image/*"
              capture="environment"
              disabled={busy}
              onChange={(e) => addFiles(e, true)}
            />
            <label htmlFor={cameraId} className="button button-primary file-button">
              <Icon name="camera" />
              {pages.length > 0 && !isPdf ? t('add.pages.addPhoto') : t('add.pages.takePhoto')}
            </label>
            <input
              id={fileId}
              className="file-input"
              type="file"
              accept="application/pdf,image/*"
              multiple
              disabled={busy}
              onChange={(e) => addFiles(e, false)}
            />
            <label htmlFor={fileId} className="button button-secondary file-button">
              <Icon name="file" />
              {t('add.pages.pickFile')}
            </label>
          </div>
          {pages.length > 1 && <p className="hint">{t('add.pages.combined', { count: pages.length })}</p>}
        </section>

        <section className="card stack" aria-labelledby="add-what-title">
          <h2 id="add-what-title">{t('add.what')}</h2>
          {types.status === 'error' && <Notice kind="warning">{t('add.type.unavailable')}</Notice>}
          <TypeSelect
            types={types.data ?? []}
            value={typeId}
            onChange={(id) => {
              setTypeId(id);
              setDetails((d) => ({ ...d, typeFields: {} }));
            }}
          />
          <DetailsFields type={type} value={details} onChange={setDetails} />
        </section>

        <fieldset className="card stack">
          <legend className="legend-title">{t('add.who')}</legend>
          <label className="radio">
            <input
              type="radio"
              name={visibilityName}
              checked={visibility === 'private'}
              onChange={() => setVisibility('private')}
            />
            <Icon name="lock" />
            <span>
              <strong>{t('visibility.private')}</strong> — {t('visibility.privateSentence')}
            </span>
          </label>
          <label className="radio">
            <input
              type="radio"
              name={visibilityName}
              checked={visibility === 'shared'}
              onChange={() => setVisibility('shared')}
            />
            <Icon name="people" />
            <span>
              <strong>{t('visibility.shared')}</strong> — {t('visibility.sharedSentence')}
            </span>
          </label>
        </fieldset>

        <div className="card stack">
          {sending.state === 'preparing' && <p role="status">{t('add.preparing')}</p>}
          {sending.state === 'sending' && (
            <>
              <ProgressBar value={sending.percent} label={t('add.progressLabel')} />
              {sending.attempt > 1 && <p className="hint">{t('add.retrying', { attempt: sending.attempt })}</p>}
            </>
          )}
          <div aria-live="assertive" className="live">
            {sending.state === 'failed' && <Notice kind="error">{sending.message}</Notice>}
          </div>

          {busy ? (
            <button type="button" className="button button-secondary" onClick={() => controller.current?.abort()}>
              <Icon name="close" />
              {t('common.cancel')}
            </button>
          ) : (
            <button type="submit" className="button button-primary">
              <Icon name={sending.state === 'failed' && sending.canRetry ? 'refresh' : 'check'} />
              {sending.state === 'failed' && sending.canRetry ? t('add.retry') : t('add.submit')}
            </button>
          )}
          <BackToPapers />
        </div>
      </form>
    </Screen>
  );
}
