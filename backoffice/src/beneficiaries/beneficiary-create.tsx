import { useState } from 'react';
import { Create, useNotify, useRedirect, type HttpError } from 'react-admin';
import type { Json, PossibleDuplicate } from '../providers/api-types';
import { BeneficiaryForm } from './beneficiary-form';
import { DuplicateDialog } from './duplicate-dialog';

type Created = Json<'createBeneficiary'>;
type Values = Record<string, unknown>;

/**
 * Opens a vault. A possible duplicate (409) opens a dialog: open the existing file (already
 * followed), ask to follow it (in the person's app, or at the desk with an SMS code), or, for a
 * same-name-and-birth-date match, confirm that it is someone else.
 */
export function BeneficiaryCreate() {
  const notify = useNotify();
  const redirect = useRedirect();
  const [duplicate, setDuplicate] = useState<{ problem: PossibleDuplicate; values: Values } | null>(null);

  const onSuccess = (data: Created) => {
    notify(
      data.welcomeSmsSent
        ? 'resources.beneficiaries.notify.created_sms'
        : 'resources.beneficiaries.notify.created_no_sms',
      { type: data.welcomeSmsSent ? 'success' : 'warning' },
    );
    redirect('show', 'beneficiaries', data.id);
  };

  const onError = (error: unknown, variables: { data?: Values } | undefined) => {
    const problem = (error as HttpError).body as PossibleDuplicate | undefined;
    if ((error as HttpError).status === 409 && problem?.code === 'possible_duplicate') {
      setDuplicate({ problem, values: variables?.data ?? {} });
      return;
    }
    notify((error as Error).message || 'ra.notification.http_error', { type: 'error' });
  };

  return (
    <>
      <Create mutationOptions={{ onSuccess, onError }} title="resources.beneficiaries.actions.create">
        <BeneficiaryForm withPhone />
      </Create>
      {duplicate ? (
        <DuplicateDialog
          problem={duplicate.problem}
          values={duplicate.values}
          onCreated={onSuccess}
          onClose={() => setDuplicate(null)}
        />
      ) : null}
    </>
  );
}
