import { Create } from 'react-admin';
import { StructureForm } from './structure-form';

export function StructureCreate() {
  return (
    <Create redirect="show">
      <StructureForm />
    </Create>
  );
}
