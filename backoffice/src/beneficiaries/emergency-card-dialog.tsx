import { TextField } from '@mui/material';
import { useDataProvider, useNotify, useRefresh, useTranslate } from 'react-admin';
import type { Beneficiary } from '../providers/api-types';
import type { ConsigneDataProvider } from '../providers/data-provider';
import { saveBlob } from '../providers/http';
import { FormDialog } from '../layout/action-dialog';
import { codeInputSlotProps, formText } from '../layout/form-text';
import { useAction } from '../layout/use-action';

/**
 * A new emergency card (AUTHZ-3): its codes open the vault, so the person is at the desk and the
 * referent re-enters their own authenticator code. The previous card stops working and the person
 * gets an SMS saying a card was printed.
 */
export function EmergencyCardDialog({ record, onClose }: { record: Beneficiary; onClose: () => void }) {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<ConsigneDataProvider>();
  const { busy, error, submit } = useAction();

  return (
    <FormDialog
      titleId="card-title"
      formId="emergency-card-form"
      title="resources.beneficiaries.card.title"
      intro={translate('resources.beneficiaries.card.intro')}
      submitLabel="resources.beneficiaries.card.submit"
      busy={busy}
      error={error}
      onSubmit={submit(async (form) => {
        const totp = formText(form, 'totp').replace(/\s/g, '');
        const { blob, fileName } = await dataProvider.issueEmergencyCard(record.id, { totp });
        saveBlob(blob, fileName);
        notify('resources.beneficiaries.notify.card_issued', { type: 'success' });
        refresh();
        onClose();
      })}
      onClose={onClose}
      maxWidth="xs"
    >
      <TextField
        id="card-referent-totp"
        name="totp"
        label={translate('resources.beneficiaries.card.totp')}
        helperText={translate('resources.beneficiaries.card.totp_help')}
        autoComplete="one-time-code"
        required
        autoFocus
        slotProps={codeInputSlotProps}
      />
    </FormDialog>
  );
}
