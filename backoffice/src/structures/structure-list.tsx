import { Chip } from '@mui/material';
import {
  CreateButton,
  DataTable,
  DateField,
  EmailField,
  FunctionField,
  List,
  SearchInput,
  SelectField,
  SelectInput,
  TopToolbar,
  useTranslate,
} from 'react-admin';
import type { Structure } from '../providers/api-types';
import { structureKindChoices } from './structure-kinds';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="kind" source="kind" choices={structureKindChoices} alwaysOn />,
  <SelectInput
    key="status"
    source="status"
    alwaysOn
    emptyText="resources.structures.status.active"
    emptyValue=""
    choices={[
      { id: 'archived', name: 'resources.structures.status.archived' },
      { id: 'all', name: 'resources.structures.status.all' },
    ]}
  />,
];

export function StructureList() {
  const translate = useTranslate();
  return (
    <List
      filters={filters}
      sort={{ field: 'name', order: 'ASC' }}
      actions={
        <TopToolbar>
          <CreateButton />
        </TopToolbar>
      }
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="name" />
        <DataTable.Col source="kind">
          <SelectField source="kind" choices={structureKindChoices} />
        </DataTable.Col>
        <DataTable.Col source="contactEmail" disableSort>
          <EmailField source="contactEmail" />
        </DataTable.Col>
        <DataTable.Col source="archivedAt" label="resources.structures.fields.status" disableSort>
          <FunctionField<Structure>
            render={(r) =>
              r.archivedAt ? (
                <Chip size="small" variant="outlined" label={translate('resources.structures.status.archived')} />
              ) : (
                <Chip size="small" color="success" label={translate('resources.structures.status.active')} />
              )
            }
          />
        </DataTable.Col>
        <DataTable.Col source="createdAt">
          <DateField source="createdAt" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
