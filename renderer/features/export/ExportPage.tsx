import { useTranslation } from 'react-i18next';

/** 导出 (being built: Word/Excel export of documents). */
export function ExportPage() {
  const { t } = useTranslation();
  return (
    <div className="rd-page">
      <div className="rd-page-header">
        <h2>{t('exportPage.title')}</h2>
      </div>
    </div>
  );
}
