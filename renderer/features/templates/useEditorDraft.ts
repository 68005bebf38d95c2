import { useCallback, useMemo, useState } from 'react';
import type { Template } from '../../../electron/core/common/schemas/template';
import { indexIssues } from './editor-issues';
import { draftSignature, templateToDraft, validateDraft, type DraftIssue, type DraftTemplate } from './template-draft';

/** What the editor opens: a stored template (saved as a new version of it) or a new one (`baseVersion` null). */
export interface EditorSource {
  template: Template;
  /** The version being edited; null for a template that is not stored yet (its first save imports it as v1). */
  baseVersion: number | null;
}

/**
 * The template editor's draft: its content, the version it is based on, whether it differs from what is
 * stored, and its problems (the draft's own and those the backend returned for the last save).
 */
export function useEditorDraft(source: EditorSource) {
  const [draft, setDraft] = useState<DraftTemplate>(() => templateToDraft(source.template));
  const [baseline, setBaseline] = useState(() => draftSignature(templateToDraft(source.template)));
  const [baseVersion, setBaseVersion] = useState<number | null>(source.baseVersion);
  const [serverIssues, setServerIssues] = useState<DraftIssue[]>([]);

  const issues = useMemo(() => validateDraft(draft), [draft]);
  const allIssues = useMemo(() => [...issues, ...serverIssues], [issues, serverIssues]);
  const errors = allIssues.filter((issue) => issue.severity === 'error');
  const indexed = useMemo(() => indexIssues(allIssues), [allIssues]);
  const signature = useMemo(() => draftSignature(draft), [draft]);
  const dirty = baseVersion === null || signature !== baseline;

  /** Every change goes through here: backend issues describe the old draft, so they are dropped. */
  const change = useCallback((update: (previous: DraftTemplate) => DraftTemplate) => {
    setDraft(update);
    setServerIssues([]);
  }, []);

  /** After a save: the stored version's stamp on the draft, and the content sent (`sent`, a signature) as stored. */
  const markSaved = (saved: Template, sent: string) => {
    setDraft((previous) => ({ ...previous, version: saved.version, createdAt: saved.createdAt, createdBy: saved.createdBy }));
    setBaseline(sent);
    setBaseVersion(saved.version);
  };

  /** Start over from a stored version (the latest, after a conflict). */
  const load = (template: Template) => {
    const next = templateToDraft(template);
    setDraft(next);
    setBaseline(draftSignature(next));
    setBaseVersion(template.version);
    setServerIssues([]);
  };

  return { draft, change, baseVersion, setBaseVersion, signature, dirty, errors, indexed, setServerIssues, markSaved, load };
}

export type EditorDraft = ReturnType<typeof useEditorDraft>;
