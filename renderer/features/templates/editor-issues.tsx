import { Typography } from 'antd';
import type { TFunction } from 'i18next';
import { createContext, useContext, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftIssue } from './template-draft';

/** The draft's problems by path, for inputs to show under themselves. */
export interface EditorIssues {
  /** Issues at exactly this path. */
  at(path: string): DraftIssue[];
}

const emptyIssues: EditorIssues = { at: () => [] };

export const EditorIssuesContext = createContext<EditorIssues>(emptyIssues);

export function useEditorIssues(): EditorIssues {
  return useContext(EditorIssuesContext);
}

/** Index issues by path; `server` issues (messages from the backend) are listed after the draft's own. */
export function indexIssues(issues: DraftIssue[]): EditorIssues {
  const byPath = new Map<string, DraftIssue[]>();
  for (const issue of issues) byPath.set(issue.path, [...(byPath.get(issue.path) ?? []), issue]);
  return { at: (path) => byPath.get(path) ?? [] };
}

/** Literal `{{` and `}}` for texts that show placeholder syntax (i18next would read them as its own). */
export const braces = { open: '{{', close: '}}' } as const;

/** The user-facing text of an issue. */
export function issueMessage(t: TFunction, issue: DraftIssue): string {
  if (issue.code === 'formula' || issue.code === 'server') return String(issue.params?.message ?? '');
  return t(`templateEditor.issues.${issue.code}`, { ...braces, ...issue.params });
}

/** Status for an antd input at this path. */
export function statusOf(issues: DraftIssue[]): 'error' | 'warning' | undefined {
  if (issues.some((issue) => issue.severity === 'error')) return 'error';
  return issues.length ? 'warning' : undefined;
}

/** An input with its problems underneath (red for errors, amber for warnings). */
export function WithIssues({ path, children }: { path: string; children: (status: 'error' | 'warning' | undefined) => ReactNode }) {
  const { t } = useTranslation();
  const issues = useEditorIssues().at(path);
  return (
    <div>
      {children(statusOf(issues))}
      {issues.map((issue, index) => (
        <Typography.Text
          key={index}
          type={issue.severity === 'error' ? 'danger' : 'warning'}
          style={{ display: 'block', fontSize: 12, lineHeight: '18px' }}
          data-issue-path={path}
        >
          {issueMessage(t, issue)}
        </Typography.Text>
      ))}
    </div>
  );
}
