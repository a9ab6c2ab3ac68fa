import LockOpenIcon from '@mui/icons-material/LockOpen';
import LogoutIcon from '@mui/icons-material/Logout';
import PhoneIcon from '@mui/icons-material/PhoneAndroid';
import PrintIcon from '@mui/icons-material/Print';
import { Alert, Box, Button, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { Confirm, useDataProvider, useNotify, useRefresh, useTranslate, useLocaleState } from 'react-admin';
import type { Beneficiary } from '../providers/api-types';
import type { ConsigneDataProvider } from '../providers/data-provider';
import { ChangePhoneDialog } from './change-phone-dialog';
import { EmergencyCardDialog } from './emergency-card-dialog';
import { Section } from '../layout/section';

type Pending = 'revoke' | null;

/** Account state and the desk actions on it, each confirmed before it runs. */
export function BeneficiaryAccount({ record }: { record: Beneficiary }) {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [locale] = useLocaleState();
  const dataProvider = useDataProvider<ConsigneDataProvider>();
  const [confirming, setConfirming] = useState<Pending>(null);
  const [busy, setBusy] = useState(false);
  const [phoneOpen, setPhoneOpen] = useState(false);
  const [cardOpen, setCardOpen] = useState(false);

  async function act(work: () => Promise<void>) {
    setBusy(true);
    try {
      await work();
    } catch (e) {
      notify(e instanceof Error && e.message ? e.message : 'ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(false);
      setConfirming(null);
    }
  }

  const unlock = () =>
    act(async () => {
      await dataProvider.unlockBeneficiary(record.id);
      notify('resources.beneficiaries.notify.unlocked', { type: 'success' });
      refresh();
    });

  const revoke = () =>
    act(async () => {
      const { revoked } = await dataProvider.revokeBeneficiarySessions(record.id);
      notify('resources.beneficiaries.notify.sessions_revoked', {
        type: 'success',
        messageArgs: { smart_count: revoked },
      });
      refresh();
    });

  const reason = record.lockReason
    ? translate(`resources.beneficiaries.lock_reasons.${record.lockReason}`, { _: record.lockReason })
    : '';

  return (
    <Section title="resources.beneficiaries.sections.account" id="section-account">
      <Stack spacing={2}>
        {record.locked ? (
          <Alert
            severity="warning"
            action={
              <Button
                color="inherit"
                size="small"
                startIcon={<LockOpenIcon />}
                disabled={busy}
                onClick={() => void unlock()}
              >
                {translate('resources.beneficiaries.actions.unlock')}
              </Button>
            }
          >
            <strong>{translate('resources.beneficiaries.account.locked')}</strong>
            {record.lockedAt
              ? ` — ${translate('resources.beneficiaries.account.locked_since', {
                  date: new Date(record.lockedAt).toLocaleString(locale),
                })}`
              : ''}
            {reason ? (
              <Box component="span" sx={{ display: 'block' }}>
                {translate('resources.beneficiaries.account.reason', { reason })}
              </Box>
            ) : null}
          </Alert>
        ) : (
          <Alert severity="success">{translate('resources.beneficiaries.account.unlocked')}</Alert>
        )}

        <Box>
          <Typography>
            {translate('resources.beneficiaries.account.sessions', { smart_count: record.sessionsCount })}
          </Typography>
          <Button
            startIcon={<LogoutIcon />}
            disabled={busy || record.sessionsCount === 0}
            onClick={() => setConfirming('revoke')}
          >
            {translate('resources.beneficiaries.actions.revoke_sessions')}
          </Button>
        </Box>

        <Box>
          <Typography>
            {translate('resources.beneficiaries.account.emergency_codes', { smart_count: record.emergencyCodesLeft })}
          </Typography>
          <Button startIcon={<PrintIcon />} disabled={busy} onClick={() => setCardOpen(true)}>
            {translate('resources.beneficiaries.actions.emergency_card')}
          </Button>
        </Box>

        <Box>
          <Button startIcon={<PhoneIcon />} disabled={busy} onClick={() => setPhoneOpen(true)}>
            {translate('resources.beneficiaries.actions.change_phone')}
          </Button>
        </Box>
      </Stack>

      <Confirm
        isOpen={confirming === 'revoke'}
        loading={busy}
        title="resources.beneficiaries.confirm.revoke_title"
        content="resources.beneficiaries.confirm.revoke_content"
        onConfirm={() => void revoke()}
        onClose={() => setConfirming(null)}
      />
      {phoneOpen ? <ChangePhoneDialog record={record} onClose={() => setPhoneOpen(false)} /> : null}
      {cardOpen ? <EmergencyCardDialog record={record} onClose={() => setCardOpen(false)} /> : null}
    </Section>
  );
}
