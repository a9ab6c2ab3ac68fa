import ArchiveIcon from '@mui/icons-material/Archive';
import PersonAddIcon from '@mui/icons-material/PersonAdd';
import { Alert, Button } from '@mui/material';
import { useState } from 'react';
import {
  Confirm,
  DateField,
  EditButton,
  EmailField,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import type { Structure } from '../providers/api-types';
import type { ConsigneDataProvider } from '../providers/data-provider';
import { InviteAdminDialog } from './invite-admin-dialog';
import { structureKindChoices } from './structure-kinds';

function Actions() {
  const record = useRecordContext<Structure>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<ConsigneDataProvider>();
  const [confirming, setConfirming] = useState(false);
  const [inviting, setInviting] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!record) return null;
  const archived = record.archivedAt !== null;

  const archive = () => {
    setBusy(true);
    dataProvider
      .archiveStructure(record.id)
      .then(() => {
        notify('resources.structures.notify.archived', { type: 'success' });
        refresh();
      })
      .catch((e: unknown) => notify(e instanceof Error ? e.message : 'ra.notification.http_error', { type: 'error' }))
      .finally(() => {
        setBusy(false);
        setConfirming(false);
      });
  };

  return (
    <TopToolbar>
      {!archived ? (
        <>
          <Button startIcon={<PersonAddIcon />} onClick={() => setInviting(true)}>
            {translate('resources.structures.actions.invite_admin')}
          </Button>
          <EditButton />
          <Button startIcon={<ArchiveIcon />} color="warning" onClick={() => setConfirming(true)}>
            {translate('resources.structures.actions.archive')}
          </Button>
        </>
      ) : null}
      <Confirm
        isOpen={confirming}
        loading={busy}
        title="resources.structures.confirm.archive_title"
        content="resources.structures.confirm.archive_content"
        translateOptions={{ name: record.name }}
        onConfirm={archive}
        onClose={() => setConfirming(false)}
      />
      {inviting ? <InviteAdminDialog structure={record} onClose={() => setInviting(false)} /> : null}
    </TopToolbar>
  );
}

function ArchivedNotice() {
  const record = useRecordContext<Structure>();
  const translate = useTranslate();
  return record?.archivedAt ? <Alert severity="info">{translate('resources.structures.archived_notice')}</Alert> : null;
}

export function StructureShow() {
  return (
    <Show actions={<Actions />}>
      <SimpleShowLayout>
        <ArchivedNotice />
        <TextField source="name" />
        <SelectField source="kind" choices={structureKindChoices} />
        <TextField source="siret" emptyText="—" />
        <TextField source="address" emptyText="—" />
        <EmailField source="contactEmail" emptyText="—" />
        <TextField source="contactPhone" emptyText="—" />
        <DateField source="createdAt" />
      </SimpleShowLayout>
    </Show>
  );
}
