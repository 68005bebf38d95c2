import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ShortcutTable } from '../../app/ShortcutHelp';
import { BackupCard } from '../backup/BackupCard';
import { IdentityCard } from '../exchange/IdentityCard';
import { ExportSettingsCard } from '../export/ExportSettingsCard';
import { InsightSettingsCard } from '../insight/InsightSettingsCard';
import { SyncSettingsCard } from '../sync/SyncSettingsCard';
import { OfficeCalendarCard } from './OfficeCalendarCard';
import { ChangePassphraseCard } from '../profiles/ChangePassphraseCard';
import { StockToSalesRangeCard } from './StockToSalesRangeCard';
import { useSession } from '../profiles/session';
import { GeneralSettingsCard } from './GeneralSettingsCard';
import { ProfilesCard, SampleDataCard, StoreProblemsCard } from './SettingsCards';

/** 设置: language, office name, profiles, where the data lives and whether any file was damaged. */
export function SettingsPage() {
  const { t } = useTranslation();
  const { profile } = useSession();
  return (
    <div className="rd-page" style={{ maxWidth: 900 }}>
      <div className="rd-page-header">
        <h2>{t('settings.title')}</h2>
      </div>
      <GeneralSettingsCard />

      <BackupCard />

      <ExportSettingsCard />

      <InsightSettingsCard />

      <StockToSalesRangeCard />

      <OfficeCalendarCard />

      {profile && <IdentityCard withLink />}

      {profile?.role === 'supervisor' && <ChangePassphraseCard />}

      {profile && <SyncSettingsCard />}

      <StoreProblemsCard />

      <ProfilesCard />

      <SampleDataCard />

      <Card size="small" title={t('shortcuts.title')} style={{ marginTop: 16 }} id="shortcuts">
        <Typography.Paragraph type="secondary">{t('workspace.shortcutsHint')}</Typography.Paragraph>
        <ShortcutTable />
      </Card>
    </div>
  );
}
