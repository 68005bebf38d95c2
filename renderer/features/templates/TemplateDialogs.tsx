import { App as AntApp } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Template } from '../../../electron/core/common/schemas/template';
import type { useChannelMutation } from '../../api/hooks';
import { useProfile } from '../profiles/session';
import { ImportDialog } from './ImportDialog';
import { NameDialog } from './NameDialog';
import { blankTemplate } from './template-draft';
import type { EditorSource } from './useEditorDraft';

export type TemplateDialog = { kind: 'duplicate'; template: Template } | { kind: 'new' } | { kind: 'import' } | null;

/** A new template's id; the page is served over loopback or from the app, both secure contexts with randomUUID. */
function newTemplateId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `tpl-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/**
 * The templates page's dialogs: duplicate a template under a new name, name a new template (then edit it,
 * not stored until its first save), import a template file.
 */
export function TemplateDialogs({
  dialog,
  duplicate,
  onClose,
  onSelect,
  onEdit,
}: {
  dialog: TemplateDialog;
  /** Held by the page, so that a copy finishing after the dialog closed is still selected. */
  duplicate: ReturnType<typeof useChannelMutation<'templates:duplicate'>>;
  onClose: () => void;
  onSelect: (id: string) => void;
  onEdit: (source: EditorSource) => void;
}) {
  const { t } = useTranslation();
  const profile = useProfile();
  const { message } = AntApp.useApp();
  if (dialog?.kind === 'duplicate') {
    return (
      <NameDialog
        title={t('templateEditor.duplicateTitle', { name: dialog.template.name, version: dialog.template.version })}
        hint={t('templateEditor.duplicateHint')}
        initialName={t('templateEditor.copyName', { name: dialog.template.name })}
        okText={t('templateEditor.duplicate')}
        busy={duplicate.isPending}
        onCancel={onClose}
        onSubmit={(name) =>
          duplicate.mutate(
            { id: dialog.template.id, version: dialog.template.version, name },
            {
              onSuccess: (copy) => {
                onClose();
                onSelect(copy.id);
                message.success(t('templateEditor.duplicated', { name: copy.name }));
              },
            },
          )
        }
      />
    );
  }
  if (dialog?.kind === 'new') {
    return (
      <NameDialog
        title={t('templateEditor.newTemplate')}
        hint={t('templateEditor.newHint')}
        initialName={t('templateEditor.blankName')}
        okText={t('templateEditor.startEditing')}
        onCancel={onClose}
        onSubmit={(name) => {
          onClose();
          onEdit({
            template: blankTemplate({
              id: newTemplateId(),
              name,
              now: new Date(),
              createdBy: profile.id,
              sectionTitle: t('templateEditor.blankSectionTitle'),
              periodLabel: t('templateEditor.periodLabel'),
            }),
            baseVersion: null,
          });
        }}
      />
    );
  }
  if (dialog?.kind === 'import') return <ImportDialog onClose={onClose} onImported={(imported) => onSelect(imported.id)} />;
  return null;
}
