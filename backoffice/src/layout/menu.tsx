import SettingsIcon from '@mui/icons-material/Settings';
import { Menu, useCanAccess } from 'react-admin';

/** The resources the person may use (react-admin asks `canAccess`), plus their structure's settings. */
export function AppMenu() {
  const { canAccess } = useCanAccess({ resource: 'structure-settings', action: 'edit' });
  return (
    <Menu>
      <Menu.ResourceItems />
      {canAccess ? (
        <Menu.Item to="/structure-settings" primaryText="consigne.settings.menu" leftIcon={<SettingsIcon />} />
      ) : null}
    </Menu>
  );
}
