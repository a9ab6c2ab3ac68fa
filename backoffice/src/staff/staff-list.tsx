import { Button, Chip, MenuItem, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import {
  Confirm,
  CreateButton,
  DataTable,
  DateField,
  FunctionField,
  List,
  SearchInput,
  SelectInput,
  TopToolbar,
  useDataProvider,
  useGetIdentity,
  useNotify,
  useRefresh,
  useTranslate,
  useUpdate,
} from 'react-admin';
import type { StaffMember } from '../providers/api-types';
import type { ConsigneDataProvider } from '../providers/data-provider';
import { roleChoices, statusChoices } from './staff-choices';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="role" source="role" choices={roleChoices} alwaysOn />,
  <SelectInput key="status" source="status" choices={statusChoices} alwaysOn />,
];

const statusColour = { active: 'success', invited: 'info', deactivated: 'default' } as const;

function RoleSelect({ record }: { record: StaffMember }) {
  const translate = useTranslate();
  const notify = useNotify();
  const [update, { isPending }] = useUpdate();
  return (
    <TextField
      select
      size="small"
      id={`role-${record.id}`}
      label={translate('resources.staff.fields.role')}
      value={record.role}
      disabled={isPending || record.status === 'deactivated'}
      onClick={(e) => e.stopPropagation()}
      onChange={(e) =>
        void update(
          'staff',
          { id: record.id, data: { role: e.target.value }, previousData: record },
          {
            mutationMode: 'pessimistic',
            onSuccess: () => notify('resources.staff.notify.role_changed', { type: 'success' }),
            onError: (error) => notify(error.message, { type: 'error' }),
          },
        )
      }
      sx={{ minWidth: 170 }}
    >
      {roleChoices.map((c) => (
        <MenuItem key={c.id} value={c.id}>
          {translate(c.name)}
        </MenuItem>
      ))}
    </TextField>
  );
}

type Pending = { kind: 'deactivate' | 'reactivate' | 'remove'; record: StaffMember } | null;

function MemberActions({ record, onAsk }: { record: StaffMember; onAsk: (p: Pending) => void }) {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  if (identity?.id === record.id) return null; // one does not deactivate oneself from here
  return (
    <Stack direction="row" spacing={1}>
      {record.status === 'deactivated' ? (
        <Button size="small" onClick={() => onAsk({ kind: 'reactivate', record })}>
          {translate('resources.staff.actions.reactivate')}
        </Button>
      ) : (
        <Button size="small" onClick={() => onAsk({ kind: 'deactivate', record })}>
          {translate('resources.staff.actions.deactivate')}
        </Button>
      )}
      <Button size="small" color="error" onClick={() => onAsk({ kind: 'remove', record })}>
        {translate('resources.staff.actions.remove')}
      </Button>
    </Stack>
  );
}

/** The staff of the structure: role, status, invitation; deactivation ends their sessions at once. */
export function StaffList() {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<ConsigneDataProvider>();
  const [pending, setPending] = useState<Pending>(null);
  const [busy, setBusy] = useState(false);

  const run = async () => {
    if (!pending) return;
    setBusy(true);
    const { kind, record } = pending;
    try {
      if (kind === 'deactivate') await dataProvider.deactivateStaffMember(record.id);
      if (kind === 'reactivate') await dataProvider.reactivateStaffMember(record.id);
      if (kind === 'remove') await dataProvider.delete('staff', { id: record.id, previousData: record });
      notify(`resources.staff.notify.${kind}d`, { type: 'success', messageArgs: { name: record.displayName } });
      refresh();
    } catch (e) {
      notify(e instanceof Error ? e.message : 'ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(false);
      setPending(null);
    }
  };

  return (
    <>
      <List
        filters={filters}
        sort={{ field: 'displayName', order: 'ASC' }}
        actions={
          <TopToolbar>
            <CreateButton label="resources.staff.actions.invite" />
          </TopToolbar>
        }
      >
        <DataTable bulkActionButtons={false} rowClick={false}>
          <DataTable.Col source="displayName" />
          <DataTable.Col source="email" />
          <DataTable.Col source="role">
            <FunctionField<StaffMember> render={(r) => <RoleSelect record={r} />} />
          </DataTable.Col>
          <DataTable.Col source="status" disableSort>
            <FunctionField<StaffMember>
              render={(r) => (
                <Chip
                  size="small"
                  color={statusColour[r.status]}
                  variant={r.status === 'deactivated' ? 'outlined' : 'filled'}
                  label={translate(`resources.staff.status.${r.status}`)}
                />
              )}
            />
          </DataTable.Col>
          <DataTable.Col source="createdAt" label="resources.staff.fields.joinedAt">
            <DateField source="joinedAt" />
          </DataTable.Col>
          <DataTable.Col label="resources.staff.fields.actions" disableSort>
            <FunctionField<StaffMember> render={(r) => <MemberActions record={r} onAsk={setPending} />} />
          </DataTable.Col>
        </DataTable>
      </List>
      <Confirm
        isOpen={pending !== null}
        loading={busy}
        title={`resources.staff.confirm.${pending?.kind ?? 'deactivate'}_title`}
        content={`resources.staff.confirm.${pending?.kind ?? 'deactivate'}_content`}
        translateOptions={{ name: pending?.record.displayName ?? '' }}
        onConfirm={() => void run()}
        onClose={() => setPending(null)}
      />
    </>
  );
}
