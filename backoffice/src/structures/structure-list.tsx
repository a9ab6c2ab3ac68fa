import { DataTable, DateField, EmailField, List, SelectField, TextInput } from 'react-admin';
import { structureKindChoices } from './structure-kinds';

const filters = [<TextInput key="q" source="q" label="ra.action.search" alwaysOn />];

export function StructureList() {
  return (
    <List filters={filters} sort={{ field: 'name', order: 'ASC' }}>
      <DataTable>
        <DataTable.Col source="name" />
        <DataTable.Col source="kind">
          <SelectField source="kind" choices={structureKindChoices} />
        </DataTable.Col>
        <DataTable.Col source="contactEmail">
          <EmailField source="contactEmail" />
        </DataTable.Col>
        <DataTable.Col source="createdAt">
          <DateField source="createdAt" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
