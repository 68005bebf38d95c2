import { Alert, Checkbox, Empty, List, Modal, Select, Space, Spin, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TableRow } from '../../../electron/core/common/schemas/report';
import type { SectionDef, Template } from '../../../electron/core/common/schemas/template';
import { useChannel } from '../../api/hooks';

/** The rich-text section a table's sentences go into by default: the nearest one before it, else after it. */
export function defaultTargetSection(template: Template, tableSectionId: string): string | undefined {
  const index = template.sections.findIndex((section) => section.id === tableSectionId);
  const before = template.sections.slice(0, Math.max(0, index)).reverse().find((section) => section.kind === 'richtext');
  const after = template.sections.slice(index + 1).find((section) => section.kind === 'richtext');
  return (before ?? after)?.id;
}

/**
 * 生成描述: sentences proposed from the table's figures by the template's wording rules, to pick and insert as
 * ordinary paragraphs at the end of a chosen text section, where the writer rewrites them.
 */
export function SentencesDialog({
  template,
  section,
  rows,
  metadata,
  onInsert,
  onClose,
}: {
  template: Template;
  section: SectionDef;
  rows: TableRow[];
  metadata: Record<string, string>;
  onInsert: (sectionId: string, sentences: string[]) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const targets = useMemo(() => template.sections.filter((candidate) => candidate.kind === 'richtext'), [template]);
  const [target, setTarget] = useState<string | undefined>(() => defaultTargetSection(template, section.id));
  const proposals = useChannel(
    'insight:sentences',
    { templateId: template.id, templateVersion: template.version, sectionId: section.id, rows, metadata },
    { gcTime: 0, staleTime: 0 },
  );
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  const list = proposals.data?.proposals ?? [];
  useEffect(() => setChosen(new Set((proposals.data?.proposals ?? []).map((_, index) => index))), [proposals.data]);

  const insert = () => {
    if (!target) return;
    // Each proposal becomes a sentence ending in 。, one paragraph per proposal.
    const sentences = list.filter((_, index) => chosen.has(index)).map((proposal) => (/[。！？.!?]$/.test(proposal.text) ? proposal.text : `${proposal.text}。`));
    onInsert(target, sentences);
  };

  return (
    <Modal
      open
      width={720}
      title={t('insight.sentencesTitle', { title: section.title })}
      okText={t('insight.insert', { count: chosen.size })}
      okButtonProps={{ disabled: chosen.size === 0 || !target, id: 'insert-sentences' }}
      cancelText={t('common.cancel')}
      onOk={insert}
      onCancel={onClose}
    >
      <Typography.Paragraph type="secondary">{t('insight.sentencesHint')}</Typography.Paragraph>
      {proposals.isLoading ? (
        <Spin />
      ) : proposals.data?.ruleCount === 0 ? (
        <Alert type="info" showIcon message={t('insight.noRules')} />
      ) : list.length === 0 ? (
        <Empty description={t('insight.noSentences')} />
      ) : (
        <List
          size="small"
          bordered
          dataSource={list}
          data-testid="sentence-proposals"
          renderItem={(proposal, index) => (
            <List.Item key={`${proposal.rule}-${proposal.rowId}`}>
              <Checkbox
                checked={chosen.has(index)}
                onChange={(event) =>
                  setChosen((current) => {
                    const next = new Set(current);
                    if (event.target.checked) next.add(index);
                    else next.delete(index);
                    return next;
                  })
                }
              >
                <span data-testid="sentence-proposal">{proposal.text}</span>
              </Checkbox>
            </List.Item>
          )}
        />
      )}
      <Space style={{ marginTop: 12 }}>
        {t('insight.insertInto')}
        <Select
          style={{ width: 280 }}
          value={target}
          onChange={setTarget}
          aria-label={t('insight.insertInto')}
          options={targets.map((candidate) => ({ value: candidate.id, label: candidate.title }))}
          data-testid="sentence-target"
        />
      </Space>
    </Modal>
  );
}
