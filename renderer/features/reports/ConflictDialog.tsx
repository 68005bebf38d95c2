import { Col, Modal, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Report } from '../../../electron/core/reports/schema';
import { richTextToPlain } from '../../../electron/core/text/rich-text';
import type { Template } from '../../../electron/core/templates/schema';
import type { DraftContent } from './useAutosave';

function sectionText(content: DraftContent['sections'][string] | undefined): string {
  if (!content) return '';
  if (content.type === 'richtext') return richTextToPlain(content.doc);
  if (content.type === 'fields') return Object.entries(content.values).map(([key, value]) => `${key}：${value}`).join('\n');
  return content.rows.map((row) => Object.values(row.cells).map((value) => value ?? '').join('\t')).join('\n');
}

/** Both versions side by side, section by section, where they differ; the writer chooses. */
export function ConflictDialog({
  template,
  mine,
  theirs,
  onResolve,
}: {
  template: Template;
  mine: DraftContent;
  theirs: Report;
  onResolve: (choice: 'mine' | 'theirs') => void;
}) {
  const { t } = useTranslation();
  const differing = template.sections.filter((section) => sectionText(mine.sections[section.id]) !== sectionText(theirs.sections[section.id]));
  return (
    <Modal
      open
      width={980}
      closable={false}
      maskClosable={false}
      title={t('editor.conflictTitle')}
      okText={t('editor.keepMine')}
      cancelText={t('editor.takeTheirs')}
      onOk={() => onResolve('mine')}
      onCancel={() => onResolve('theirs')}
    >
      <Typography.Paragraph type="secondary">{t('editor.conflictText', { time: theirs.updatedAt.slice(0, 19).replace('T', ' ') })}</Typography.Paragraph>
      <Row gutter={16} style={{ fontWeight: 600, marginBottom: 8 }}>
        <Col span={12}>{t('editor.mine')}</Col>
        <Col span={12}>{t('editor.theirs')}</Col>
      </Row>
      <div style={{ maxHeight: 420, overflow: 'auto' }}>
        {differing.map((section) => (
          <div key={section.id} style={{ marginBottom: 12 }}>
            <Typography.Text strong>{section.title}</Typography.Text>
            <Row gutter={16}>
              <Col span={12}>
                <pre className="rd-conflict-text">{sectionText(mine.sections[section.id])}</pre>
              </Col>
              <Col span={12}>
                <pre className="rd-conflict-text">{sectionText(theirs.sections[section.id])}</pre>
              </Col>
            </Row>
          </div>
        ))}
        {differing.length === 0 && <Typography.Text>{t('editor.conflictMetadataOnly')}</Typography.Text>}
      </div>
    </Modal>
  );
}
