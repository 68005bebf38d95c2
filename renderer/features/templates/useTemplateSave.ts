import { App as AntApp } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Template } from '../../../electron/core/common/schemas/template';
import { ApiCallError, request } from '../../api/client';
import { useChannelMutation } from '../../api/hooks';
import { notifyError } from '../../app/notifier';
import { draftToTemplate, serverIssuePath, templateFileText, type DraftIssue } from './template-draft';
import type { EditorDraft } from './useEditorDraft';

/**
 * Saving the draft: every save is a new version (`templates:save` with the version being edited as
 * `baseVersion`; a template not stored yet is imported as v1). A draft with errors is not sent: their
 * summary shows and the first is revealed. A conflict (someone saved meanwhile) offers to reload the
 * latest version or keep this draft on top of it; other failures show the backend's message and issues.
 */
export function useTemplateSave(editor: EditorDraft, jumpTo: (issue: DraftIssue) => void, onSaved: (template: Template) => void) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [showSummary, setShowSummary] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<{ message: string } | null>(null);
  const save = useChannelMutation('templates:save', { shownInPlace: true });
  const importNew = useChannelMutation('templates:import', { shownInPlace: true });
  const saving = save.isPending || importNew.isPending;
  const { draft, baseVersion, errors } = editor;

  const showFailure = (error: unknown, template: Template) => {
    if (!(error instanceof ApiCallError)) {
      setServerError(String(error));
      return;
    }
    if (error.error.code === 'conflict') {
      setConflict({ message: error.error.message });
      return;
    }
    const mapped = (error.error.issues ?? []).map<DraftIssue>((issue) => ({
      path: serverIssuePath(issue.path, template),
      code: 'server',
      severity: 'error',
      params: { message: issue.message },
    }));
    editor.setServerIssues(mapped);
    setServerError(error.error.message);
    if (mapped.length) jumpTo(mapped[0]);
  };

  const submit = async () => {
    if (saving) return;
    setServerError(null);
    if (errors.length) {
      setShowSummary(true);
      jumpTo(errors[0]);
      return;
    }
    setShowSummary(false);
    const template = draftToTemplate(draft);
    const sent = editor.signature;
    try {
      const saved =
        baseVersion === null
          ? (await importNew.mutateAsync({ fileName: `${template.name}.rdtpl.json`, text: templateFileText(template) })).template
          : await save.mutateAsync({ template, baseVersion });
      editor.markSaved(saved, sent);
      setConflict(null);
      message.success(t('templateEditor.savedAs', { version: saved.version }));
      onSaved(saved);
    } catch (error) {
      showFailure(error, template);
    }
  };

  /** The latest stored version, or null (the failure is notified) when it cannot be read. */
  const fetchLatest = async (): Promise<Template | null> => {
    try {
      return (await request('templates:get', { id: draft.id })).template;
    } catch (error) {
      notifyError(error);
      return null;
    }
  };

  const reloadLatest = async () => {
    const template = await fetchLatest();
    if (!template) return;
    editor.load(template);
    setServerError(null);
    setConflict(null);
    message.info(t('templateEditor.reloaded', { version: template.version }));
  };

  const keepMine = async () => {
    const template = await fetchLatest();
    if (!template) return;
    editor.setBaseVersion(template.version);
    setConflict(null);
    message.info(t('templateEditor.rebased', { version: template.version }));
  };

  return {
    saving,
    submit,
    /** The errors listed above the tabs: shown after a save was refused for them. */
    summaryErrors: showSummary ? errors : [],
    serverError,
    dismissServerError: () => setServerError(null),
    conflict,
    reloadLatest,
    keepMine,
  };
}
