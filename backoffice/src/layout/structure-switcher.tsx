import { MenuItem, TextField, Typography } from '@mui/material';
import { usePermissions, useTranslate } from 'react-admin';
import { setActiveStructureId } from '../providers/active-structure';
import type { Permissions } from '../providers/auth-provider';

/**
 * The structure the person acts for. Every request names it (`X-Structure-Id`); switching starts
 * the back-office again on the new structure, so no page keeps data of the previous one.
 */
export function StructureSwitcher() {
  const translate = useTranslate();
  const { permissions } = usePermissions<Permissions>();
  const memberships = permissions?.memberships ?? [];
  if (memberships.length === 0) return null;

  const roleLabel = (role: string) => translate(`consigne.roles.${role}`);

  if (memberships.length === 1) {
    const only = memberships[0]!;
    return (
      <Typography component="p" sx={{ mx: 2, fontWeight: 600 }} data-testid="active-structure">
        {only.structureName} · {roleLabel(only.role)}
      </Typography>
    );
  }

  return (
    <TextField
      select
      size="small"
      id="structure-switcher"
      label={translate('consigne.structure_switcher.label')}
      value={permissions?.structureId ?? ''}
      onChange={(event) => {
        setActiveStructureId(event.target.value);
        window.location.assign(`${import.meta.env.BASE_URL}`);
      }}
      sx={{
        mx: 2,
        minWidth: 260,
        '& .MuiInputBase-root': { color: 'inherit', bgcolor: 'rgba(255,255,255,0.12)' },
        '& .MuiInputLabel-root, & .MuiInputLabel-root.Mui-focused': { color: 'inherit' },
        '& .MuiOutlinedInput-notchedOutline': { borderColor: 'rgba(255,255,255,0.7)' },
        '& .MuiSvgIcon-root': { color: 'inherit' },
      }}
    >
      {memberships.map((m) => (
        <MenuItem key={m.structureId} value={m.structureId}>
          {m.structureName} · {roleLabel(m.role)}
        </MenuItem>
      ))}
    </TextField>
  );
}
