import { Alert, Box, Button, Card, CardContent, Stack, TextField, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Title, useDataProvider, useNotify, useTranslate } from 'react-admin';
import type { Structure } from '../providers/api-types';
import type { ConsigneDataProvider } from '../providers/data-provider';
import { formText } from '../layout/form-text';

/** Settings of the structure the admin acts for: contact details (name, kind, SIRET are the platform's). */
export function StructureSettingsPage() {
  const translate = useTranslate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const dataProvider = useDataProvider<ConsigneDataProvider>();
  const structure = useQuery({ queryKey: ['my-structure'], queryFn: () => dataProvider.getMyStructure() });
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = (event: FormEvent<HTMLFormElement>, current: Structure) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => {
      const v = formText(form, name).trim();
      return v === '' ? null : v;
    };
    const changes = Object.fromEntries(
      (['address', 'contactEmail', 'contactPhone'] as const)
        .map((k) => [k, value(k)] as const)
        .filter(([k, v]) => v !== current[k]),
    );
    if (Object.keys(changes).length === 0) {
      notify('resources.structure-settings.nothing_changed', { type: 'info' });
      return;
    }
    setBusy(true);
    setErrors({});
    dataProvider
      .updateMyStructure(changes)
      .then((updated) => {
        queryClient.setQueryData(['my-structure'], updated);
        notify('resources.structure-settings.saved', { type: 'success' });
      })
      .catch((e: unknown) => {
        const body = (e as { body?: { errors?: Record<string, string> } }).body;
        if (body?.errors) setErrors(body.errors);
        notify(e instanceof Error ? e.message : 'ra.notification.http_error', { type: 'error' });
      })
      .finally(() => setBusy(false));
  };

  const current = structure.data;
  return (
    <Box sx={{ p: 2, maxWidth: 720 }}>
      <Title title="resources.structure-settings.title" />
      {structure.isError ? (
        <Alert severity="error" role="alert">
          {structure.error.message}
        </Alert>
      ) : !current ? (
        <Typography role="status">{translate('ra.page.loading')}</Typography>
      ) : (
        <Card variant="outlined">
          <CardContent>
            <Stack component="form" spacing={2} onSubmit={(e) => submit(e, current)} key={current.updatedAt}>
              <TextField
                id="settings-name"
                label={translate('resources.structures.fields.name')}
                value={current.name}
                slotProps={{ htmlInput: { readOnly: true } }}
              />
              <TextField
                id="settings-kind"
                label={translate('resources.structures.fields.kind')}
                value={translate(`resources.structures.kinds.${current.kind}`)}
                slotProps={{ htmlInput: { readOnly: true } }}
              />
              <TextField
                id="settings-siret"
                label={translate('resources.structures.fields.siret')}
                value={current.siret ?? '—'}
                slotProps={{ htmlInput: { readOnly: true } }}
              />
              <Typography variant="body2" sx={{ color: 'text.secondary' }}>
                {translate('resources.structure-settings.platform_fields')}
              </Typography>
              <TextField
                id="settings-address"
                name="address"
                multiline
                minRows={2}
                label={translate('resources.structures.fields.address')}
                defaultValue={current.address ?? ''}
                error={Boolean(errors.address)}
                helperText={errors.address}
              />
              <TextField
                id="settings-email"
                name="contactEmail"
                type="email"
                label={translate('resources.structures.fields.contactEmail')}
                defaultValue={current.contactEmail ?? ''}
                error={Boolean(errors.contactEmail)}
                helperText={errors.contactEmail}
              />
              <TextField
                id="settings-phone"
                name="contactPhone"
                type="tel"
                label={translate('resources.structures.fields.contactPhone')}
                defaultValue={current.contactPhone ?? ''}
                error={Boolean(errors.contactPhone)}
                helperText={errors.contactPhone}
              />
              <Box>
                <Button type="submit" variant="contained" disabled={busy}>
                  {translate('ra.action.save')}
                </Button>
              </Box>
            </Stack>
          </CardContent>
        </Card>
      )}
    </Box>
  );
}
