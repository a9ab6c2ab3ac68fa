import { Chip } from '@mui/material';
import {
  CreateButton,
  DataTable,
  DateField,
  DateInput,
  FunctionField,
  List,
  SearchInput,
  SelectInput,
  TopToolbar,
  useTranslate,
} from 'react-admin';
import type { BeneficiaryRow } from '../providers/api-types';
import { formatPhone } from './phone-format';

const filters = (translate: (key: string) => string) => [
  <SearchInput
    key="q"
    source="q"
    alwaysOn
    placeholder={translate('resources.beneficiaries.filters.search')}
    slotProps={{ htmlInput: { 'aria-label': translate('resources.beneficiaries.filters.search') } }}
  />,
  <DateInput key="birthDate" source="birthDate" label="resources.beneficiaries.fields.birthDate" alwaysOn />,
  <SelectInput
    key="status"
    source="status"
    label="resources.beneficiaries.filters.status"
    alwaysOn
    choices={[
      { id: 'active', name: 'resources.beneficiaries.status.active' },
      { id: 'locked', name: 'resources.beneficiaries.status.locked' },
    ]}
  />,
];

function LockChip() {
  const translate = useTranslate();
  return (
    <FunctionField<BeneficiaryRow>
      render={(record) =>
        record.locked ? (
          <Chip size="small" color="warning" label={translate('resources.beneficiaries.status.locked')} />
        ) : (
          <Chip size="small" variant="outlined" label={translate('resources.beneficiaries.status.active')} />
        )
      }
    />
  );
}

/** The people the active structure follows; search by name or phone, birth date, account status. */
export function BeneficiaryList() {
  const translate = useTranslate();
  return (
    <List
      filters={filters(translate)}
      empty={false}
      sort={{ field: 'lastName', order: 'ASC' }}
      actions={
        <TopToolbar>
          <CreateButton label="resources.beneficiaries.actions.create" />
        </TopToolbar>
      }
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="lastName" />
        <DataTable.Col source="firstName" disableSort />
        <DataTable.Col source="birthDate">
          <DateField source="birthDate" options={{ timeZone: 'UTC' }} />
        </DataTable.Col>
        <DataTable.Col source="phone" disableSort>
          <FunctionField<BeneficiaryRow> render={(r) => formatPhone(r.phone)} />
        </DataTable.Col>
        <DataTable.Col source="locked" label="resources.beneficiaries.fields.status" disableSort>
          <LockChip />
        </DataTable.Col>
        <DataTable.Col source="createdAt">
          <DateField source="createdAt" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
