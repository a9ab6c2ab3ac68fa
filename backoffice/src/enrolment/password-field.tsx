import CheckIcon from '@mui/icons-material/CheckCircleOutlined';
import InfoIcon from '@mui/icons-material/InfoOutlined';
import RadioIcon from '@mui/icons-material/RadioButtonUnchecked';
import { Box, List, ListItem, ListItemIcon, ListItemText, TextField } from '@mui/material';
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
    <ListItem disableGutters dense>
      <ListItemIcon sx={{ minWidth: 32 }}>
        {ok ? <CheckIcon color="success" fontSize="small" /> : <RadioIcon fontSize="small" />}
      </ListItemIcon>
      <ListItemText primary={translate(label, { count: passwordMinLength })} />
      <Box component="span" sx={visuallyHidden}>
        {translate(ok ? 'consigne.enrolment.rule_met' : 'consigne.enrolment.rule_not_met')}
      </Box>
    </ListItem>
  );
  return (
    <>
      <TextField
        id="new-password"
        type="password"
        label={translate('consigne.enrolment.password')}
        autoComplete="new-password"
        value={password}
        onChange={(e) => onPassword(e.target.value)}
        required
        fullWidth
        autoFocus
        slotProps={{ htmlInput: { 'aria-describedby': 'password-rules' } }}
      />
      <TextField
        id="new-password-confirm"
        type="password"
        label={translate('consigne.enrolment.password_confirm')}
        autoComplete="new-password"
        value={confirm}
        onChange={(e) => onConfirm(e.target.value)}
        required
        fullWidth
      />
      <List id="password-rules" aria-label={translate('consigne.enrolment.rules_title')} dense disablePadding>
        {rule(met.length, 'consigne.enrolment.rule_length')}
        <ListItem disableGutters dense>
          <ListItemIcon sx={{ minWidth: 32 }}>
            <InfoIcon fontSize="small" />
          </ListItemIcon>
          <ListItemText primary={translate('consigne.enrolment.rule_common')} />
        </ListItem>
        {rule(met.match, 'consigne.enrolment.rule_match')}
      </List>
    </>
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
