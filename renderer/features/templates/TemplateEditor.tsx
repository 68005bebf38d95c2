import { SaveOutlined } from '@ant-design/icons';
import { Alert, Button, Drawer, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Template } from '../../../electron/core/common/schemas/template';
import { useProfile } from '../profiles/session';
import { EditorIssuesContext } from './editor-issues';
import { ConflictNotice, IssueSummary, ServerErrorNotice } from './EditorNotices';
import { EditorTabs } from './EditorTabs';
import { useEditorDraft, type EditorSource } from './useEditorDraft';
import { useEditorNavigation } from './useEditorNavigation';
import { useLeaveGuard } from './useLeaveGuard';
import { useTemplateSave } from './useTemplateSave';

/**
 * The template editor, in a large drawer over the templates page: details, details fields and sections
 * (with table columns and formulas). Every save is a new version (`templates:save` with the version being
 * edited as `baseVersion`); documents keep the version they were made from.
 */
export function TemplateEditor({ source, onClose, onSaved }: { source: EditorSource; onClose: () => void; onSaved: (template: Template) => void }) {
  const { t } = useTranslation();
  const profile = useProfile();
  const editor = useEditorDraft(source);
  const navigation = useEditorNavigation(source.template.sections, editor.draft.sections);
  const saving = useTemplateSave(editor, navigation.jumpTo, onSaved);
  const confirmLeave = useLeaveGuard({ dirty: editor.dirty, onClose, submit: saving.submit });
  const { draft, baseVersion, dirty } = editor;

  return (
    <Drawer
      open
      size="min(1240px, 100vw)"
      onClose={() => confirmLeave(onClose)}
      mask={{ closable: false }}
      keyboard
      destroyOnHidden
      title={<EditorTitle name={draft.name} baseVersion={baseVersion} dirty={dirty} />}
      extra={
        <Space>
          <Button onClick={() => confirmLeave(onClose)} data-testid="close-editor">
            {t('common.close')}
          </Button>
          <Button type="primary" icon={<SaveOutlined />} loading={saving.saving} disabled={!dirty} onClick={() => void saving.submit()} data-testid="save-template">
            {baseVersion === null ? t('templateEditor.saveFirst') : t('templateEditor.saveAsVersion', { version: baseVersion + 1 })}
          </Button>
        </Space>
      }
      styles={{ body: { paddingTop: 8 } }}
    >
      <EditorIssuesContext.Provider value={editor.indexed}>
        <div data-testid="template-editor">
          {/* The drawer covers the header: who is editing (and so publishing) is said here. */}
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }} data-testid="template-editor-identity">
            {t('officeTemplates.editingAs', { name: profile.name, role: t(`roles.${profile.role}`) })}
          </Typography.Paragraph>
          {source.template.builtIn && <Alert type="warning" showIcon title={t('templateEditor.builtInReadOnly')} style={{ marginBottom: 12 }} />}
          {saving.conflict && (
            <ConflictNotice message={saving.conflict.message} onReload={() => void saving.reloadLatest()} onKeep={() => void saving.keepMine()} />
          )}
          {saving.serverError && <ServerErrorNotice error={saving.serverError} onClose={saving.dismissServerError} />}
          <IssueSummary issues={saving.summaryErrors} draft={draft} onJump={navigation.jumpTo} />
          <EditorTabs editor={editor} navigation={navigation} />
        </div>
      </EditorIssuesContext.Provider>
    </Drawer>
  );
}

/** The drawer's title: the template's name, the version being edited, whether changes are unsaved. */
function EditorTitle({ name, baseVersion, dirty }: { name: string; baseVersion: number | null; dirty: boolean }) {
  const { t } = useTranslation();
  return (
    <Space wrap size={8}>
      <span>{t('templateEditor.title', { name: name.trim() || t('templateEditor.untitled') })}</span>
      {baseVersion === null ? (
        <Tag color="orange">{t('templateEditor.notSaved')}</Tag>
      ) : (
        <Tag data-testid="editor-version">{t('templateEditor.editingVersion', { version: baseVersion })}</Tag>
      )}
      {dirty && baseVersion !== null && (
        <Typography.Text type="warning" style={{ fontSize: 13, fontWeight: 400 }}>
          {t('templateEditor.unsaved')}
        </Typography.Text>
      )}
    </Space>
  );
}
