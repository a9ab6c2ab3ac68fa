import CheckIcon from '@mui/icons-material/CheckCircleOutlined';
import InfoIcon from '@mui/icons-material/InfoOutlined';
import RadioIcon from '@mui/icons-material/RadioButtonUnchecked';
import { Box, List, ListItem, ListItemIcon, ListItemText, TextField } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';

/** The server's password rules (STAFF-2): length only, plus a list of common passwords it refuses. */
export const passwordMinLength = 12;

export function passwordProblems(password: string, confirm: string) {
  return {
    length: [...password].length >= passwordMinLength,
    match: password.length > 0 && password === confirm,
  };
}

/** New password + confirmation, with the rules listed and ticked as they are met. */
export function NewPasswordFields({
  password,
  confirm,
  onPassword,
  onConfirm,
}: {
  password: string;
  confirm: string;
  onPassword: (value: string) => void;
  onConfirm: (value: string) => void;
}) {
  const translate = useTranslate();
  const met = passwordProblems(password, confirm);
  const rule = (ok: boolean, label: string) => (
    <Rule
      icon={ok ? <CheckIcon color="success" fontSize="small" /> : <RadioIcon fontSize="small" />}
      text={translate(label, { count: passwordMinLength })}
      state={translate(ok ? 'consigne.enrolment.rule_met' : 'consigne.enrolment.rule_not_met')}
    />
  );
  const field = (id: string, label: string, value: string, onChange: (value: string) => void, first = false) => (
    <TextField
      id={id}
      type="password"
      label={translate(label)}
      autoComplete="new-password"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      required
      fullWidth
      autoFocus={first}
      slotProps={first ? { htmlInput: { 'aria-describedby': 'password-rules' } } : undefined}
    />
  );
  return (
    <>
      {field('new-password', 'consigne.enrolment.password', password, onPassword, true)}
      {field('new-password-confirm', 'consigne.enrolment.password_confirm', confirm, onConfirm)}
      <List id="password-rules" aria-label={translate('consigne.enrolment.rules_title')} dense disablePadding>
        {rule(met.length, 'consigne.enrolment.rule_length')}
        <Rule icon={<InfoIcon fontSize="small" />} text={translate('consigne.enrolment.rule_common')} />
        {rule(met.match, 'consigne.enrolment.rule_match')}
      </List>
    </>
  );
}

/** One rule of the list: its icon, its text, and (for screen readers) whether it is met. */
function Rule({ icon, text, state }: { icon: ReactNode; text: string; state?: string }) {
  return (
    <ListItem disableGutters dense>
      <ListItemIcon sx={{ minWidth: 32 }}>{icon}</ListItemIcon>
      <ListItemText primary={text} />
      {state ? (
        <Box component="span" sx={visuallyHidden}>
          {state}
        </Box>
      ) : null}
    </ListItem>
  );
}

const visuallyHidden = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;
