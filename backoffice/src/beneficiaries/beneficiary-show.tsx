import { Box, Chip, LinearProgress, List, ListItem, ListItemText, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { DateField, EditButton, Show, TopToolbar, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { DocumentsPanel } from '../documents/documents-panel';
import type { Beneficiary } from '../providers/api-types';
import { BeneficiaryAccount } from './beneficiary-account';
import { Section } from '../layout/section';
import { formatPhone } from './phone-format';

function Item({ label, children }: { label: string; children: ReactNode }) {
  const translate = useTranslate();
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: '10rem 1fr', gap: 1, py: 0.5 }}>
      <Typography component="dt" sx={{ color: 'text.secondary' }}>
        {translate(label)}
      </Typography>
      <Typography component="dd" sx={{ m: 0, fontWeight: 500 }}>
        {children}
      </Typography>
    </Box>
  );
}

function Identity({ record }: { record: Beneficiary }) {
  const translate = useTranslate();
  return (
    <Section title="resources.beneficiaries.sections.identity" id="section-identity">
      <Box component="dl" sx={{ m: 0 }}>
        <Item label="resources.beneficiaries.fields.lastName">{record.lastName}</Item>
        <Item label="resources.beneficiaries.fields.firstName">{record.firstName}</Item>
        <Item label="resources.beneficiaries.fields.birthDate">
          <DateField source="birthDate" options={{ timeZone: 'UTC', dateStyle: 'long' }} />
        </Item>
        <Item label="resources.beneficiaries.fields.phone">{formatPhone(record.phone)}</Item>
        <Item label="resources.beneficiaries.fields.email">{record.email ?? '—'}</Item>
        <Item label="resources.beneficiaries.fields.locale">{record.locale === 'en' ? 'English' : 'Français'}</Item>
        <Item label="resources.beneficiaries.fields.createdAt">
          <DateField source="createdAt" />
        </Item>
      </Box>
      <Typography variant="body2" sx={{ color: 'text.secondary', mt: 1 }}>
        {translate('resources.beneficiaries.help.identity')}
      </Typography>
    </Section>
  );
}

function Follows({ record }: { record: Beneficiary }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <Section title="resources.beneficiaries.sections.follows" id="section-follows">
      <List dense disablePadding>
        {record.follows.map((follow) => (
          <ListItem key={follow.id} disableGutters>
            <ListItemText
              primary={
                <>
                  {follow.structureName}
                  {follow.yours ? ` (${translate('resources.beneficiaries.follows.yours')})` : ''}
                </>
              }
              secondary={translate('resources.beneficiaries.follows.since', {
                date: new Date(follow.since).toLocaleDateString(locale),
              })}
            />
            <Chip
              size="small"
              color={follow.status === 'active' ? 'success' : 'default'}
              variant={follow.status === 'active' ? 'filled' : 'outlined'}
              label={translate(`resources.beneficiaries.follows.${follow.status}`)}
            />
          </ListItem>
        ))}
      </List>
    </Section>
  );
}

function BeneficiaryTitle() {
  const record = useRecordContext<Beneficiary>();
  return <>{record ? `${record.firstName} ${record.lastName}` : ''}</>;
}

function BeneficiaryDetail() {
  const record = useRecordContext<Beneficiary>();
  const translate = useTranslate();
  if (!record) return null;
  // Right after creation the cache holds the creation answer (no follows yet) until the page refetches.
  if (!Array.isArray(record.follows)) return <LinearProgress aria-label={translate('ra.page.loading')} />;
  return (
    <Box sx={{ p: 2, display: 'grid', gap: 2 }}>
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: '1fr 1fr', xl: '1.1fr 1fr 1fr' } }}>
        <Identity record={record} />
        <BeneficiaryAccount record={record} />
        <Follows record={record} />
      </Box>
      <DocumentsPanel beneficiaryId={record.id} />
    </Box>
  );
}

/** One person's page: identity, account (lock, sessions, phone, emergency card), follows, shared papers. */
export function BeneficiaryShow() {
  return (
    <Show
      title={<BeneficiaryTitle />}
      actions={
        <TopToolbar>
          <EditButton label="resources.beneficiaries.actions.edit" />
        </TopToolbar>
      }
      sx={{ '& .RaShow-card': { bgcolor: 'transparent', boxShadow: 'none' } }}
    >
      <BeneficiaryDetail />
    </Show>
  );
}
