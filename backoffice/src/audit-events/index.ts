import HistoryIcon from '@mui/icons-material/History';
import type { ResourceProps } from 'react-admin';
import { AuditEventList } from './audit-event-list';

/** The audit trail of the active structure (structure admin), read only. */
const auditEvents: Omit<ResourceProps, 'name'> = { list: AuditEventList, icon: HistoryIcon };

export default auditEvents;
