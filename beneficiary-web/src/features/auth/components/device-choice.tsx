import { Icon } from '../../../components/icon';
import { useI18n } from '../../../i18n/i18n';
import type { DeviceKind } from '../../../lib/offline';

/** "This is my phone / a shared phone": two big buttons, each saying what it means. */
export function DeviceChoice({ busy, onChoose }: { busy: boolean; onChoose: (kind: DeviceKind) => void }) {
  const { t } = useI18n();
  return (
    <div className="choice-list" role="group" aria-labelledby="device-question">
      <h2 id="device-question" className="step-title" tabIndex={-1}>
        {t('login.device.question')}
      </h2>
      <button type="button" className="choice" disabled={busy} onClick={() => onChoose('own')}>
        <Icon name="phone" />
        <span>
          <strong>{t('login.device.own')}</strong>
          <span className="choice-hint">{t('login.device.ownHint')}</span>
        </span>
      </button>
      <button type="button" className="choice" disabled={busy} onClick={() => onChoose('shared')}>
        <Icon name="people" />
        <span>
          <strong>{t('login.device.shared')}</strong>
          <span className="choice-hint">{t('login.device.sharedHint')}</span>
        </span>
      </button>
    </div>
  );
}
