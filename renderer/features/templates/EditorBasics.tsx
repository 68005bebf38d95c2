import { Col, Input, Row, Select, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Cadence, DocumentKind } from '../../../electron/core/common/schemas/template';
import { WithIssues } from './editor-issues';
import { limits, type DraftTemplate } from './template-draft';

const documentKinds: DocumentKind[] = ['market-analysis', 'research', 'guidance-booklet', 'work-log', 'custom'];
const cadences: Cadence[] = ['daily', 'weekly', 'monthly', 'quarterly', 'none'];

type Change = (update: (previous: DraftTemplate) => DraftTemplate) => void;

function Labelled({ label, htmlFor, children }: { label: string; htmlFor: string; children: ReactNode }) {
  return (
    <div style={{ marginBottom: 16 }}>
      <label htmlFor={htmlFor} style={{ display: 'block', marginBottom: 4, color: 'rgba(0,0,0,0.75)' }}>
        {label}
      </label>
      {children}
    </div>
  );
}

/** The editor's first tab: name, kind, cadence, description and the document title pattern. */
export function EditorBasics({ draft, change }: { draft: DraftTemplate; change: Change }) {
  const { t } = useTranslation();
  return (
    <div data-testid="editor-basics">
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Labelled label={t('templateEditor.name')} htmlFor="template-name">
            <WithIssues path="name">
              {(status) => (
                <Input
                  id="template-name"
                  value={draft.name}
                  status={status}
                  maxLength={limits.name}
                  onChange={(event) => change((previous) => ({ ...previous, name: event.target.value }))}
                />
              )}
            </WithIssues>
          </Labelled>
        </Col>
        <Col xs={12} md={6}>
          <Labelled label={t('templateEditor.kind')} htmlFor="template-kind">
            <Select
              id="template-kind"
              value={draft.kind}
              style={{ width: '100%' }}
              options={documentKinds.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
              onChange={(kind) => change((previous) => ({ ...previous, kind }))}
            />
          </Labelled>
        </Col>
        <Col xs={12} md={6}>
          <Labelled label={t('templates.cadence')} htmlFor="template-cadence">
            <Select
              id="template-cadence"
              value={draft.cadence}
              style={{ width: '100%' }}
              options={cadences.map((cadence) => ({ value: cadence, label: t(`cadences.${cadence}`) }))}
              onChange={(cadence) => change((previous) => ({ ...previous, cadence }))}
            />
          </Labelled>
        </Col>
      </Row>
      <Labelled label={t('templateEditor.description')} htmlFor="template-description">
        <WithIssues path="description">
          {(status) => (
            <Input.TextArea
              id="template-description"
              value={draft.description}
              status={status}
              autoSize={{ minRows: 2, maxRows: 6 }}
              maxLength={limits.description}
              showCount
              onChange={(event) => change((previous) => ({ ...previous, description: event.target.value }))}
            />
          )}
        </WithIssues>
      </Labelled>
      <Labelled label={t('templateEditor.titlePattern')} htmlFor="template-title-pattern">
        <TitlePatternField draft={draft} change={change} />
      </Labelled>
    </div>
  );
}

/** The title pattern, with the details keys as tags that insert their placeholder. */
function TitlePatternField({ draft, change }: { draft: DraftTemplate; change: Change }) {
  const { t } = useTranslation();
  const metadataKeys = draft.metadataFields.map((field) => field.key.trim()).filter(Boolean);
  const insertPlaceholder = (key: string) => change((previous) => ({ ...previous, titlePattern: `${previous.titlePattern}{{${key}}}` }));
  return (
    <>
      <WithIssues path="titlePattern">
        {(status) => (
          <Input
            id="template-title-pattern"
            value={draft.titlePattern}
            status={status}
            maxLength={limits.titlePattern}
            onChange={(event) => change((previous) => ({ ...previous, titlePattern: event.target.value }))}
          />
        )}
      </WithIssues>
      <div style={{ marginTop: 6 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {metadataKeys.length ? t('templateEditor.placeholderHint') : t('templateEditor.placeholderNone')}
        </Typography.Text>{' '}
        {metadataKeys.map((key) => (
          <Tag key={key} color="blue" style={{ cursor: 'pointer' }} onClick={() => insertPlaceholder(key)} data-testid="placeholder-tag">
            {`{{${key}}}`}
          </Tag>
        ))}
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('templateEditor.titlePatternEmpty')}
      </Typography.Text>
    </>
  );
}
