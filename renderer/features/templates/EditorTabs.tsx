import { PlusOutlined } from '@ant-design/icons';
import { Badge, Button, Space, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { braces } from './editor-issues';
import { EditorBasics } from './EditorBasics';
import { FieldListEditor } from './FieldListEditor';
import { SectionEditor } from './SectionEditor';
import { issueArea, limits, moveItem, newSection, nextSectionId, removeItem, replaceItem, type DraftIssue } from './template-draft';
import type { EditorDraft } from './useEditorDraft';
import type { EditorNavigation, TabKey } from './useEditorNavigation';

/** The editor's three tabs (details, details fields, sections), each with a badge counting its errors. */
export function EditorTabs({ editor, navigation }: { editor: EditorDraft; navigation: EditorNavigation }) {
  const { t } = useTranslation();
  const { draft, change, errors } = editor;
  const tabLabel = (key: TabKey, text: string) => <TabLabel text={text} errors={errors} area={key} />;
  return (
    <Tabs
      activeKey={navigation.tab}
      onChange={(key) => navigation.setTab(key as TabKey)}
      items={[
        { key: 'basics', label: tabLabel('basics', t('templateEditor.tabs.basics')), children: <EditorBasics draft={draft} change={change} /> },
        {
          key: 'metadata',
          label: tabLabel('metadata', t('templateEditor.tabs.metadata', { count: draft.metadataFields.length })),
          children: (
            <div>
              <Typography.Paragraph type="secondary">{t('templateEditor.metadataHint', braces)}</Typography.Paragraph>
              <FieldListEditor
                fields={draft.metadataFields}
                onChange={(metadataFields) => change((previous) => ({ ...previous, metadataFields }))}
                path="metadataFields"
                testId="metadata-fields"
              />
            </div>
          ),
        },
        {
          key: 'sections',
          label: tabLabel('sections', t('templateEditor.tabs.sections', { count: draft.sections.length })),
          children: <SectionsTab editor={editor} navigation={navigation} />,
        },
      ]}
    />
  );
}

function TabLabel({ text, errors, area }: { text: string; errors: DraftIssue[]; area: TabKey }) {
  const count = errors.filter((issue) => issueArea(issue.path).area === area).length;
  return (
    <Space size={6}>
      {text}
      {count > 0 && <Badge count={count} size="small" />}
    </Space>
  );
}

/** The sections, one card each, with add (at the top, and at the bottom of a long list), expand and collapse. */
function SectionsTab({ editor, navigation }: { editor: EditorDraft; navigation: EditorNavigation }) {
  const { t } = useTranslation();
  const { draft, change } = editor;
  const sections = draft.sections;
  const addSection = () => {
    const id = nextSectionId(sections.map((section) => section.id));
    change((previous) => ({ ...previous, sections: [...previous.sections, newSection(id, t('templateEditor.newSectionTitle'))] }));
    navigation.reveal(id);
  };
  return (
    <div>
      <Space style={{ marginBottom: 12 }} wrap>
        <Button icon={<PlusOutlined />} onClick={addSection} disabled={sections.length >= limits.sections} data-testid="add-section">
          {t('templateEditor.addSection')}
        </Button>
        <Button onClick={navigation.expandAll}>{t('templateEditor.expandAll')}</Button>
        <Button onClick={navigation.collapseAll}>{t('templateEditor.collapseAll')}</Button>
        <Typography.Text type="secondary">{t('templates.sections', { count: sections.length })}</Typography.Text>
      </Space>
      {sections.map((section, index) => (
        <SectionEditor
          key={section.id}
          section={section}
          index={index}
          count={sections.length}
          carryForwardTitle={sections.find((candidate) => candidate.id === section.carryForwardFrom)?.title}
          metadataKeys={draft.metadataFields.map((field) => field.key)}
          expanded={navigation.expanded.has(section.id)}
          onToggle={() => navigation.toggle(section.id)}
          onChange={(updated) => change((previous) => ({ ...previous, sections: replaceItem(previous.sections, index, updated) }))}
          onMove={(delta) => change((previous) => ({ ...previous, sections: moveItem(previous.sections, index, delta) }))}
          onRemove={() => change((previous) => ({ ...previous, sections: removeItem(previous.sections, index) }))}
        />
      ))}
      {sections.length > 3 && (
        <Button type="dashed" block icon={<PlusOutlined />} onClick={addSection} disabled={sections.length >= limits.sections}>
          {t('templateEditor.addSection')}
        </Button>
      )}
    </div>
  );
}
