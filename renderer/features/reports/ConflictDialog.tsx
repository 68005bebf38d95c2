import { Col, Modal, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MergeOverlap } from '../../../electron/api/domain';
import type { SectionContent, TableRow } from '../../../electron/core/common/schemas/report';
import { richTextToPlain } from '../../../electron/core/common/text/rich-text';
import type { SectionDef, Template } from '../../../electron/core/common/schemas/template';
import { formatOfficeTime, useOfficeOffset } from './office-time';
import type { SaveConflict } from './useAutosave';

function rowText(section: SectionDef | undefined, row: TableRow | null): string {
  if (!row) return '';
  const columns = section?.table?.columns ?? [];
  return Object.entries(row.cells)
    .filter(([, value]) => value !== null && value !== '')
    .map(([key, value]) => `${columns.find((column) => column.key === key)?.label ?? key}：${String(value)}`)
    .join('\n');
}

function sectionText(section: SectionDef | undefined, content: SectionContent | null): string {
  if (!content) return '';
  if (content.type === 'richtext') return richTextToPlain(content.doc);
  if (content.type === 'fields') {
    return Object.entries(content.values)
      .map(([key, value]) => `${section?.fields?.find((field) => field.key === key)?.label ?? key}：${value}`)
      .join('\n');
  }
  return content.rows.map((row) => rowText(section, row).replace(/\n/g, '　')).join('\n');
}

/** Name, mine and theirs of one overlapping part, as the writer reads them. */
function describe(template: Template, stored: SaveConflict['current'], overlap: MergeOverlap, t: (key: string, options?: Record<string, unknown>) => string) {
  if (overlap.kind === 'metadata') {
    const label = template.metadataFields.find((field) => field.key === overlap.field)?.label ?? overlap.field;
    return { name: t('core.parts.metadata', { field: label }), mine: overlap.mine, theirs: overlap.theirs };
  }
  const section = template.sections.find((item) => item.id === overlap.sectionId);
  const title = section?.title ?? overlap.sectionId;
  if (overlap.kind === 'section') {
    return { name: t('core.parts.section', { section: title }), mine: sectionText(section, overlap.mine), theirs: sectionText(section, overlap.theirs) };
  }
  const rows = stored.sections[overlap.sectionId];
  const index = rows?.type === 'table' ? rows.rows.findIndex((row) => row.id === overlap.rowId) : -1;
  return {
    name: t('core.parts.row', { section: title, row: index >= 0 ? index + 1 : '?' }),
    mine: overlap.mine ? rowText(section, overlap.mine) : t('sync.rowDeleted'),
    theirs: overlap.theirs ? rowText(section, overlap.theirs) : t('sync.rowDeleted'),
  };
}

/**
 * Only the parts both windows changed, each with both versions side by side (everything else was merged);
 * the writer keeps theirs or mine for those parts. The time is the office's local time.
 */
export function ConflictDialog({
  template,
  conflict,
  onResolve,
}: {
  template: Template;
  conflict: SaveConflict;
  onResolve: (choice: 'mine' | 'theirs') => void;
}) {
  const { t } = useTranslation();
  const offset = useOfficeOffset();
  const parts = conflict.overlaps.map((overlap) => describe(template, conflict.current, overlap, t));
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
      okButtonProps={{ 'data-testid': 'conflict-keep-mine' } as Record<string, string>}
      cancelButtonProps={{ 'data-testid': 'conflict-take-theirs' } as Record<string, string>}
    >
      <Typography.Paragraph type="secondary">{t('sync.overlapText', { time: formatOfficeTime(conflict.current.updatedAt, offset) })}</Typography.Paragraph>
      <Row gutter={16} style={{ fontWeight: 600, marginBottom: 8 }}>
        <Col span={12}>{t('editor.mine')}</Col>
        <Col span={12}>{t('editor.theirs')}</Col>
      </Row>
      <div style={{ maxHeight: 420, overflow: 'auto' }} data-testid="conflict-parts">
        {parts.map((part, index) => (
          <div key={index} style={{ marginBottom: 12 }} data-testid="conflict-part">
            <Typography.Text strong>{part.name}</Typography.Text>
            <Row gutter={16}>
              <Col span={12}>
                <pre className="rd-conflict-text" data-testid="conflict-mine">
                  {part.mine}
                </pre>
              </Col>
              <Col span={12}>
                <pre className="rd-conflict-text" data-testid="conflict-theirs">
                  {part.theirs}
                </pre>
              </Col>
            </Row>
          </div>
        ))}
      </div>
    </Modal>
  );
}
