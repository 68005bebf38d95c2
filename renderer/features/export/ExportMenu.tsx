import { DownOutlined, ExportOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Report } from '../../../electron/core/common/schemas/report';
import { useExportJob } from './useExportJob';

/**
 * 导出 in the document editor's header: Word 公文 / Word 普通 / Excel of this document, with comments and
 * (when the document has a review) the 审阅记录 page. `beforeExport` lets the editor save pending typing first.
 */
export function ExportMenu({ report, beforeExport }: { report: Report; beforeExport?: () => Promise<boolean> }) {
  const { t } = useTranslation();
  const { run, busy, element } = useExportJob();
  const exportAs = async (choice: string) => {
    if (beforeExport && !(await beforeExport())) return;
    const reviewed = (report.review?.count ?? 0) > 0;
    if (choice === 'excel') await run({ kind: 'excel', id: report.id }, report.title);
    else await run({ kind: 'word', id: report.id, layout: choice === 'plain' ? 'plain' : 'official', includeComments: true, includeReviewAppendix: reviewed }, report.title);
  };
  return (
    <>
      <Dropdown
        disabled={busy}
        trigger={['click']}
        menu={{
          items: [
            { key: 'official', label: t('exportPage.menuWordOfficial') },
            { key: 'plain', label: t('exportPage.menuWordPlain') },
            { key: 'excel', label: t('exportPage.menuExcel') },
          ],
          onClick: ({ key }) => void exportAs(key),
        }}
      >
        <Button icon={<ExportOutlined />} data-testid="editor-export">
          {t('exportPage.menu')} <DownOutlined />
        </Button>
      </Dropdown>
      {element}
    </>
  );
}
