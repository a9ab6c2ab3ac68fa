import { TextField } from '@mui/material';
import { useDataProvider, useNotify, useRefresh, useTranslate } from 'react-admin';
import type { Beneficiary } from '../providers/api-types';
import type { ConsigneDataProvider } from '../providers/data-provider';
import { formatPhone } from './phone-format';
import { FormDialog } from '../layout/action-dialog';
import { codeInputSlotProps, formText } from '../layout/form-text';
import { useAction } from '../layout/use-action';

/**
 * Lost or changed phone (OTP-13): the person is at the desk; the referent types the new number and
 * re-enters their own authenticator code. Every session of the person ends; both numbers get a notice.
 */
export function ChangePhoneDialog({ record, onClose }: { record: Beneficiary; onClose: () => void }) {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<ConsigneDataProvider>();
  const { busy, error, submit } = useAction();

  return (
    <FormDialog
      titleId="phone-title"
      formId="change-phone-form"
      title="resources.beneficiaries.phone.title"
      intro={translate('resources.beneficiaries.phone.intro', { phone: formatPhone(record.phone) })}
      submitLabel="resources.beneficiaries.phone.submit"
      busy={busy}
      error={error}
      onSubmit={submit(async (form) => {
        const phone = formText(form, 'phone').trim();
        const totp = formText(form, 'totp').replace(/\s/g, '');
        await dataProvider.changeBeneficiaryPhone(record.id, { phone, totp });
        notify('resources.beneficiaries.notify.phone_changed', { type: 'success' });
        refresh();
        onClose();
      })}
      onClose={onClose}
      maxWidth="xs"
    >
      <TextField
        id="new-phone"
        name="phone"
        type="tel"
        label={translate('resources.beneficiaries.phone.new_phone')}
        autoComplete="off"
        required
        autoFocus
      />
      <TextField
        id="referent-totp"
        name="totp"
        label={translate('resources.beneficiaries.phone.totp')}
        helperText={translate('resources.beneficiaries.phone.totp_help')}
        autoComplete="one-time-code"
        required
        slotProps={codeInputSlotProps}
      />
    </FormDialog>
  );
}
