import { useQueryClient } from '@tanstack/react-query';
import { App as AntApp } from 'antd';
import { startTransition, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Report, SectionContent } from '../../../electron/core/common/schemas/report';
import { refreshAfter } from '../../api/refreshes';
import type { MetadataFormInstance } from './MetadataForm';
import { appendParagraphs } from './rich-text-content';
import { useAutosave, type DraftContent } from './useAutosave';
import { useStableCallback } from './useStableCallback';

export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The document as the page shows it (`current`) and the autosave that stores every edit; parts another window
 * saved come in (each such text section's editor re-created through `richKeys`); Ctrl+S saves at once.
 */
export function useDraft({ report, shown, editable, form }: { report: Report; shown: Report; editable: boolean; form: MetadataFormInstance }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { message } = AntApp.useApp();
  const [current, setCurrent] = useState<DraftContent>({ metadata: shown.metadata, sections: shown.sections });
  const [title, setTitle] = useState(shown.title);
  const currentRef = useRef(current);
  currentRef.current = current;
  /** Bumped to remount a text section's editor after text was inserted into it from outside. */
  const [richKeys, setRichKeys] = useState<Record<string, number>>({});
  /** Section edits not yet in the page's state (see updateSection). */
  const pendingSections = useRef<Record<string, SectionContent>>({});
  const pendingTimer = useRef<number | null>(null);
  const bumpRichKeys = (ids: string[]) => setRichKeys((keys) => ({ ...keys, ...Object.fromEntries(ids.map((id) => [id, (keys[id] ?? 0) + 1])) }));
  const autosave = useAutosave({
    report,
    onSaved: (saved) => {
      setTitle(saved.title);
      void refreshAfter(client, 'reports:save-draft');
    },
    // Another window saved parts this one had not edited: show them (each such section is re-created with
    // its new content); unsaved text here is never among them.
    onExternal: (change) => {
      if (change.report.status !== report.status) {
        void client.invalidateQueries({ queryKey: ['reports:get'] });
        void client.invalidateQueries({ queryKey: ['review:get'] });
        return;
      }
      const ids = Object.keys(change.sections);
      if (!ids.length && !change.metadata) return;
      for (const id of ids) delete pendingSections.current[id];
      setCurrent((previous) => ({ metadata: change.metadata ?? previous.metadata, sections: { ...previous.sections, ...change.sections } }));
      if (change.metadata) form.setFieldsValue(change.metadata);
      setTitle(change.report.title);
      bumpRichKeys(ids);
      message.info({ content: t('sync.updatedElsewhere'), key: 'sync-updated' });
    },
  });
  useEffect(
    () => () => {
      if (pendingTimer.current !== null) window.clearTimeout(pendingTimer.current);
    },
    [],
  );

  const updateSection = useStableCallback((sectionId: string, content: SectionContent) => {
    // Readers never save, and a section reporting the content it already has is not an edit.
    if (!editable || sameJson(pendingSections.current[sectionId] ?? currentRef.current.sections[sectionId], content)) return;
    autosave.update({ sections: { [sectionId]: content } });
    if (content.type !== 'richtext') {
      // Tables and fields show what the page holds: they must see every edit at once.
      delete pendingSections.current[sectionId];
      setCurrent((previous) => ({ ...previous, sections: { ...previous.sections, [sectionId]: content } }));
      return;
    }
    // Text: the autosave has it at once; the page (completeness, comment marks) follows at most five times a
    // second, as a transition after the keystroke is painted. The editor holds its own text and updates without
    // React, so typing in a 100-page document does not re-render the page on every key.
    pendingSections.current[sectionId] = content;
    if (pendingTimer.current !== null) return;
    pendingTimer.current = window.setTimeout(() => {
      pendingTimer.current = null;
      const changed = pendingSections.current;
      pendingSections.current = {};
      startTransition(() => setCurrent((previous) => ({ ...previous, sections: { ...previous.sections, ...changed } })));
    }, 200);
  });

  /** The metadata form's values: an edit unless they are what the page holds already. */
  const updateMetadata = useStableCallback((all: Record<string, unknown>) => {
    const metadata = Object.fromEntries(Object.entries(all).map(([key, value]) => [key, (value as string | null | undefined) ?? '']));
    // Inputs that normalise their value on mount (e.g. an empty number) are not edits.
    const merged = { ...currentRef.current.metadata, ...metadata };
    if (!editable || sameJson(currentRef.current.metadata, merged)) return;
    setCurrent((previous) => ({ ...previous, metadata: merged }));
    autosave.update({ metadata: merged });
  });

  /** Paragraphs added at the end of a text section from outside its editor (生成描述); the editor is re-created. */
  const appendToSection = (sectionId: string, sentences: string[]) => {
    // The latest text of the section (the autosave's copy is ahead of the page while a render is pending).
    const content = autosave.draft.current.sections[sectionId] ?? current.sections[sectionId];
    const doc = content?.type === 'richtext' ? content.doc : { type: 'doc', content: [] };
    // A section that is only an empty paragraph starts with the sentences instead of a blank line.
    const blank = (doc.content ?? []).every((node) => node.type === 'paragraph' && !(node.content ?? []).length);
    const next: SectionContent = { type: 'richtext', doc: appendParagraphs(blank ? { ...doc, content: [] } : doc, sentences) };
    autosave.update({ sections: { [sectionId]: next } });
    delete pendingSections.current[sectionId];
    // Not a transition: the section's editor is recreated (new key) in the same render, from this content.
    setCurrent((previous) => ({ ...previous, sections: { ...previous.sections, [sectionId]: next } }));
    bumpRichKeys([sectionId]);
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        if (editable) void autosave.flush();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [autosave, editable]);

  return { current, currentRef, title, richKeys, autosave, updateSection, updateMetadata, appendToSection };
}
