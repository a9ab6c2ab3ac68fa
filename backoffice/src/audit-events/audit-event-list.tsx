import { Chip } from '@mui/material';
import {
  AutocompleteInput,
  DataTable,
  DateField,
  DateInput,
  FunctionField,
  List,
  ReferenceField,
  ReferenceInput,
  SelectInput,
  TextField,
  useTranslate,
} from 'react-admin';
import type { AuditEvent } from '../providers/api-types';
import { actionLabelKey, auditActionChoices } from './audit-actions';

const filters = [
  <ReferenceInput key="actorId" source="actorId" reference="staff" alwaysOn>
    <AutocompleteInput label="resources.audit-events.filters.actor" optionText="displayName" sx={{ minWidth: 240 }} />
  </ReferenceInput>,
  <SelectInput key="action" source="action" choices={auditActionChoices} alwaysOn sx={{ minWidth: 240 }} />,
  <DateInput key="from" source="from" label="resources.audit-events.filters.from" alwaysOn />,
  <DateInput key="to" source="to" label="resources.audit-events.filters.to" alwaysOn />,
];

const resultColour = { success: 'success', failure: 'warning', denied: 'error' } as const;

/** Who did what, when, in the structure (newest first). Nothing in it names a paper. */
export function AuditEventList() {
  const translate = useTranslate();
  return (
    <List filters={filters} sort={{ field: 'seq', order: 'DESC' }} perPage={50}>
      <DataTable bulkActionButtons={false} rowClick={false}>
        <DataTable.Col source="occurredAt" disableSort>
          <DateField source="occurredAt" showTime />
        </DataTable.Col>
        <DataTable.Col source="actorId" disableSort>
          <FunctionField<AuditEvent>
            render={(r) =>
              r.actorKind === 'staff' && r.actorId ? (
                <ReferenceField
                  source="actorId"
                  reference="staff"
                  link={false}
                  emptyText={translate('resources.audit-events.former_staff')}
                >
                  <TextField source="displayName" />
                </ReferenceField>
              ) : (
                translate(`resources.audit-events.actor_kinds.${r.actorKind}`)
              )
            }
          />
        </DataTable.Col>
        <DataTable.Col source="actorRole" disableSort>
          <FunctionField<AuditEvent>
            render={(r) => (r.actorRole ? translate(`consigne.roles.${r.actorRole}`, { _: r.actorRole }) : '—')}
          />
        </DataTable.Col>
        <DataTable.Col source="action" disableSort>
          <FunctionField<AuditEvent> render={(r) => translate(actionLabelKey(r.action), { _: r.action })} />
        </DataTable.Col>
        <DataTable.Col source="targetType" disableSort>
          <FunctionField<AuditEvent>
            render={(r) =>
              r.targetType ? translate(`resources.audit-events.targets.${r.targetType}`, { _: r.targetType }) : '—'
            }
          />
        </DataTable.Col>
        <DataTable.Col source="result" disableSort>
          <FunctionField<AuditEvent>
            render={(r) => (
              <Chip
                size="small"
                variant="outlined"
                color={resultColour[r.result]}
                label={translate(`resources.audit-events.results.${r.result}`)}
              />
            )}
          />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
