import { CommentOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Card, Form, Space, Tag, Typography } from 'antd';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SectionContent } from '../../../electron/core/common/schemas/report';
import type { Anchor } from '../../../electron/core/common/schemas/review';
import type { SectionDef } from '../../../electron/core/common/schemas/template';
import type { HighlightRange } from '../review/highlights';
import { MetadataFields } from './MetadataForm';
import { RichTextSection } from './RichTextSection';
import { TableSectionBody } from './TableSectionBody';

export interface SectionCardProps {
  section: SectionDef;
  index: number;
  content: SectionContent | undefined;
  editable: boolean;
  onChange: (sectionId: string, content: SectionContent) => void;
  highlights?: HighlightRange[];
  onComment?: (section: SectionDef, anchor: Extract<Anchor, { kind: 'text' }>) => void;
  onSectionComment?: (section: SectionDef) => void;
  onCellClick: (section: SectionDef, event: React.MouseEvent) => void;
  /** Ctrl+Alt+M on a table's selected cell (reviewers). */
  onCellComment?: (section: SectionDef, cell: HTMLElement) => void;
  onHighlightClick: (commentId: string) => void;
  /** Changes when text was inserted from outside (生成描述): the text editor is recreated with it. */
  richKey: number;
  /** 生成描述 for a table whose template has wording rules (the writer's own editable document). */
  onGenerate?: (section: SectionDef) => void;
}

/**
 * Props unchanged for a section card. A text section's editor holds its own text (it reads `content` only when
 * created, and is recreated through `richKey`), so new content from its own typing is no reason to re-render.
 */
function sameSectionCard(previous: SectionCardProps, next: SectionCardProps): boolean {
  for (const key of Object.keys(next) as (keyof SectionCardProps)[]) {
    if (key === 'content' && next.section.kind === 'richtext') continue;
    if (previous[key] !== next[key]) return false;
  }
  return Object.keys(previous).length === Object.keys(next).length;
}

/** One section of the document; memoised (with stable handlers) so a keystroke re-renders only its own section. */
export const SectionCard = memo(function SectionCard({
  section,
  index,
  content,
  editable,
  onChange,
  highlights,
  onComment,
  onSectionComment,
  onCellClick,
  onCellComment,
  onHighlightClick,
  richKey,
  onGenerate,
}: SectionCardProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Record<string, string>>();
  let body: React.ReactNode = null;
  if (section.kind === 'richtext') {
    const doc = content?.type === 'richtext' ? content.doc : { type: 'doc', content: [{ type: 'paragraph' }] };
    body = (
      <RichTextSection
        key={richKey}
        sectionId={section.id}
        doc={doc}
        editable={editable}
        label={section.title}
        highlights={highlights}
        onComment={onComment ? (anchor) => onComment(section, anchor) : undefined}
        onHighlightClick={onHighlightClick}
        onChange={(next) => onChange(section.id, { type: 'richtext', doc: next })}
      />
    );
  } else if (section.kind === 'table' && section.table) {
    body = (
      <TableSectionBody
        section={section}
        table={section.table}
        rows={content?.type === 'table' ? content.rows : []}
        editable={editable}
        commentable={!!onComment}
        onChange={onChange}
        onCellClick={onCellClick}
        onCellComment={onCellComment}
      />
    );
  } else if (section.kind === 'fields') {
    body = (
      <Form
        form={form}
        layout="vertical"
        disabled={!editable}
        initialValues={content?.type === 'fields' ? content.values : {}}
        onValuesChange={(_, all) =>
          onChange(section.id, {
            type: 'fields',
            values: Object.fromEntries(Object.entries(all).map(([key, value]) => [key, (value as string | undefined) ?? ''])),
          })
        }
      >
        <MetadataFields fields={section.fields ?? []} disabled={!editable} />
      </Form>
    );
  }
  return (
    <Card
      size="small"
      id={`section-${section.id}`}
      style={{ marginBottom: 12 }}
      title={
        <Space>
          <span>{section.title}</span>
          {section.required && <Tag color="red">{t('templates.requiredSection')}</Tag>}
          {section.minLength ? <Tag>{t('templates.minLength', { count: section.minLength })}</Tag> : null}
        </Space>
      }
      extra={
        onSectionComment || onGenerate ? (
          <Space size={4}>
            {onGenerate && (
              <Button size="small" icon={<EditOutlined />} onClick={() => onGenerate(section)} title={t('insight.generateHint')} data-testid={`generate-sentences-${section.id}`}>
                {t('insight.generate')}
              </Button>
            )}
            {onSectionComment && (
              <Button size="small" type="text" icon={<CommentOutlined />} onClick={() => onSectionComment(section)} data-testid={`comment-section-${section.id}`}>
                {t('review.sectionComment')}
              </Button>
            )}
          </Space>
        ) : null
      }
      data-section-index={index}
    >
      {/* Guidance beside the text when the section is wide enough (a container query), else above it. */}
      <div className="rd-section-frame">
        <div className={section.guidance && editable ? 'rd-section-body rd-section-with-guidance' : 'rd-section-body'}>
          <div className="rd-section-content">{body}</div>
          {section.guidance && editable && (
            <div className="rd-guidance" aria-label={t('templates.guidance')}>
              <Typography.Text strong>{t('templates.guidance')}</Typography.Text>
              <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                {section.guidance}
              </Typography.Paragraph>
            </div>
          )}
        </div>
      </div>
    </Card>
  );
}, sameSectionCard);
