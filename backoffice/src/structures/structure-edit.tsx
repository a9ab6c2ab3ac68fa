import { Edit } from 'react-admin';
import { StructureForm } from './structure-form';

export function StructureEdit() {
  return (
    <Edit mutationMode="pessimistic">
      <StructureForm />
    </Edit>
  );
}
