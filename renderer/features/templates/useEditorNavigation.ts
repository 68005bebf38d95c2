import { useEffect, useState } from 'react';
import { issueArea, type DraftIssue, type DraftSection } from './template-draft';

export type TabKey = 'basics' | 'metadata' | 'sections';

/**
 * Where the template editor shows what: the open tab and the expanded sections (a template of up to 3
 * sections opens with all expanded); revealing a section or an issue opens its tab and scrolls to it.
 */
export function useEditorNavigation(initialSections: readonly { id: string }[], sections: readonly DraftSection[]) {
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set(initialSections.length <= 3 ? initialSections.map((section) => section.id) : []));
  const [tab, setTab] = useState<TabKey>('basics');
  const [scrollTarget, setScrollTarget] = useState<string | null>(null);

  useEffect(() => {
    if (!scrollTarget) return;
    const timer = window.setTimeout(() => {
      document.getElementById(`template-section-${scrollTarget}`)?.scrollIntoView({ behavior: 'smooth', block: 'start' });
      setScrollTarget(null);
    }, 50);
    return () => window.clearTimeout(timer);
  }, [scrollTarget, tab]);

  /** Expand the section and scroll to it. */
  const reveal = (id: string) => {
    setExpanded((previous) => new Set(previous).add(id));
    setScrollTarget(id);
  };

  const jumpTo = (issue: DraftIssue) => {
    const { area, section } = issueArea(issue.path);
    setTab(area);
    if (section !== undefined && sections[section]) reveal(sections[section].id);
  };

  const toggle = (id: string) =>
    setExpanded((previous) => {
      const next = new Set(previous);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const expandAll = () => setExpanded(new Set(sections.map((section) => section.id)));
  const collapseAll = () => setExpanded(new Set());

  return { tab, setTab, expanded, toggle, expandAll, collapseAll, reveal, jumpTo };
}

export type EditorNavigation = ReturnType<typeof useEditorNavigation>;
