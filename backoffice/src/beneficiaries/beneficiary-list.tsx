import { DataTable, DateField, List, TextInput } from 'react-admin';

const filters = [<TextInput key="q" source="q" label="ra.action.search" alwaysOn />];

export function BeneficiaryList() {
  return (
    <List filters={filters} sort={{ field: 'lastName', order: 'ASC' }}>
      <DataTable>
        <DataTable.Col source="lastName" />
        <DataTable.Col source="firstName" />
        <DataTable.Col source="birthDate">
          <DateField source="birthDate" />
        </DataTable.Col>
        <DataTable.Col source="phone" />
      </DataTable>
    </List>
  );
}
