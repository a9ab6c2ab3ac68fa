import { DataTable, FunctionField, List, SelectInput, useTranslate } from 'react-admin';
import type { DocumentType } from '../documents/documents-api';
import { themeChoices } from './document-themes';

const filters = [<SelectInput key="theme" source="theme" choices={themeChoices} alwaysOn />];

function Months({ value }: { value: number | null }) {
  const translate = useTranslate();
  if (value === null) return <>{translate('resources.document-types.no_limit')}</>;
  return value % 12 === 0 ? (
    <>{translate('resources.document-types.years', { smart_count: value / 12 })}</>
  ) : (
    <>{translate('resources.document-types.months', { smart_count: value })}</>
  );
}

export function DocumentTypeList() {
  const translate = useTranslate();
  return (
    <List filters={filters} perPage={50} sort={{ field: 'label', order: 'ASC' }}>
      <DataTable rowClick="edit" bulkActionButtons={false}>
        <DataTable.Col source="label" />
        <DataTable.Col source="theme">
          <FunctionField<DocumentType>
            render={(r) => translate(`resources.document-types.themes.${r.theme}`, { _: r.theme })}
          />
        </DataTable.Col>
        <DataTable.Col source="fields" disableSort>
          <FunctionField<DocumentType> render={(r) => r.fields.map((f) => f.label).join(', ') || '—'} />
        </DataTable.Col>
        <DataTable.Col source="validityMonths">
          <FunctionField<DocumentType> render={(r) => <Months value={r.validityMonths} />} />
        </DataTable.Col>
        <DataTable.Col source="retentionMonths">
          <FunctionField<DocumentType> render={(r) => <Months value={r.retentionMonths} />} />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
