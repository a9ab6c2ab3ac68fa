import type { documentsFr } from './fr';

export const documentsEn: typeof documentsFr = {
  name: 'Document |||| Documents',
  title: 'Papers shared with your organisation',
  intro: 'The person chooses which papers they share. You only see those.',
  list_label: 'Shared papers',
  empty: 'No paper shared with your organisation yet.',
  empty_filtered: 'No shared paper matches these filters.',
  expires: 'expires on %{date}',
  added: 'added on %{date}',
  preview_error: 'This document cannot be shown. Try downloading it.',
  preview_frame: 'Preview of “%{title}”',
  preview_image: 'Image of “%{title}”',
  filters: { theme: 'Theme', type: 'Type of paper', all_themes: 'All themes', all_types: 'All types' },
  actions: {
    preview: 'Preview',
    preview_named: 'Preview “%{title}”',
    download: 'Download',
    download_named: 'Download “%{title}”',
    deposit: 'Deposit a document',
  },
  pagination: {
    page: 'Page %{page}',
    first: 'First page',
    last: 'Last page',
    next: 'Next page',
    previous: 'Previous page',
  },
  deposit: {
    title: 'Deposit a document into their vault',
    intro:
      'A letter, an answer, a certificate… The document will be shared with the organisations supporting the person. They are told and may make it private.',
    choose_file: 'Choose a file',
    no_file: 'No file chosen.',
    accepted: 'PDF or photo (JPEG, PNG, HEIC).',
    document_title: 'Document title',
    no_type: 'No type',
    progress: 'Uploading: %{percent}%',
    cancel_upload: 'Stop the upload',
    submit: 'Deposit',
  },
  notify: { deposited: 'Document deposited into the vault.' },
};
