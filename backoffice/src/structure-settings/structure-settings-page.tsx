import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Stack,
  TextField,
  Typography,
  type TextFieldProps,
} from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Title, useDataProvider, useNotify, useTranslate } from 'react-admin';
import type { Structure } from '../providers/api-types';
import type { ConsigneDataProvider } from '../providers/data-provider';
import { formText } from '../layout/form-text';

type Editable = 'address' | 'contactEmail' | 'contactPhone';
const editable: readonly Editable[] = ['address', 'contactEmail', 'contactPhone'];

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
      editable.map((k) => [k, value(k)] as const).filter(([k, v]) => v !== current[k]),
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

  /** A field the platform sets: shown, not editable here. */
  const platformField = (id: string, field: string, value: string) => (
    <TextField
      id={`settings-${id}`}
      label={translate(`resources.structures.fields.${field}`)}
      value={value}
      slotProps={{ htmlInput: { readOnly: true } }}
    />
  );

  /** A contact detail the admin edits, with the server's message under it when it refused the value. */
  const contactField = (id: string, name: Editable, saved: Structure, props: TextFieldProps = {}) => (
    <TextField
      id={`settings-${id}`}
      name={name}
      label={translate(`resources.structures.fields.${name}`)}
      defaultValue={saved[name] ?? ''}
      error={Boolean(errors[name])}
      helperText={errors[name]}
      {...props}
    />
  );

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
              {platformField('name', 'name', current.name)}
              {platformField('kind', 'kind', translate(`resources.structures.kinds.${current.kind}`))}
              {platformField('siret', 'siret', current.siret ?? '—')}
              <Typography variant="body2" sx={{ color: 'text.secondary' }}>
                {translate('resources.structure-settings.platform_fields')}
              </Typography>
              {contactField('address', 'address', current, { multiline: true, minRows: 2 })}
              {contactField('email', 'contactEmail', current, { type: 'email' })}
              {contactField('phone', 'contactPhone', current, { type: 'tel' })}
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
