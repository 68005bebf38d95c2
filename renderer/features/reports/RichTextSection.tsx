import { CommentOutlined } from '@ant-design/icons';
import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { Alert, Button } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RichNode } from '../../../electron/core/common/schemas/report';
import type { Anchor } from '../../../electron/core/common/schemas/review';
import { CommentHighlights, setHighlights, type HighlightRange } from '../review/highlights';
import { maxPasteCharacters, maxPasteLines, pasteRefusal } from './rich-text-content';
import { RichToolbar } from './RichToolbar';
import { useSelectionComment } from './useSelectionComment';

const extensions = [
  StarterKit.configure({
    heading: { levels: [2, 3, 4] },
    code: false,
    codeBlock: false,
    horizontalRule: false,
    strike: false,
    link: false,
    blockquote: false,
    trailingNode: false,
  }),
  CommentHighlights,
];

/** The section's editor (TipTap); a paste too large for the store is refused whole, the reason beside the section. */
function useSectionEditor({ sectionId, doc, editable, label, onChange }: { sectionId: string; doc: RichNode; editable: boolean; label: string; onChange: (doc: RichNode) => void }) {
  const { t } = useTranslation();
  const [refusal, setRefusal] = useState<string | null>(null);
  const refuse = useRef(setRefusal);
  refuse.current = setRefusal;
  const tRef = useRef(t);
  tRef.current = t;
  const editor = useEditor({
    extensions,
    content: doc as object,
    editable,
    immediatelyRender: true,
    // Read-only text stays focusable (tabindex) so a reviewer can reach it and select with Shift+arrows.
    editorProps: {
      attributes: { 'aria-label': label, 'data-section': sectionId, class: 'rd-rich-content', tabindex: '0' },
      handlePaste: (_view, event) => {
        const data = event.clipboardData;
        if (!data) return false;
        const refused = pasteRefusal(data.getData('text/plain'), data.getData('text/html'));
        if (!refused) return false;
        refuse.current(
          tRef.current('editor.pasteTooLarge', {
            characters: refused.characters.toLocaleString('en-US'),
            max: maxPasteCharacters.toLocaleString('en-US'),
            maxLines: maxPasteLines.toLocaleString('en-US'),
          }),
        );
        return true;
      },
    },
    onUpdate: ({ editor: current }) => {
      setRefusal(null);
      onChange(current.getJSON() as RichNode);
    },
  });
  useEffect(() => {
    editor?.setEditable(editable);
  }, [editor, editable]);
  return { editor, refusal, clearRefusal: () => setRefusal(null) };
}

/** Rich text for one section (TipTap): paragraphs, bold, italic, underline, lists; commented passages highlighted. */
export function RichTextSection({
  sectionId,
  doc,
  editable,
  onChange,
  label,
  highlights,
  onComment,
  onHighlightClick,
}: {
  sectionId: string;
  doc: RichNode;
  editable: boolean;
  onChange: (doc: RichNode) => void;
  label: string;
  /** Passages to mark (commented ones), in editor positions of the current document. */
  highlights?: HighlightRange[];
  /** When given, selecting text offers "添加点评" for the selected passage. */
  onComment?: (anchor: Extract<Anchor, { kind: 'text' }>) => void;
  onHighlightClick?: (commentId: string) => void;
}) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const { editor, refusal, clearRefusal } = useSectionEditor({ sectionId, doc, editable, label, onChange });
  const selection = useSelectionComment(editor, sectionId, container, onComment);
  useEffect(() => {
    if (editor) setHighlights(editor, highlights ?? []);
  }, [editor, highlights]);

  const onClick = (event: React.MouseEvent) => {
    const mark = (event.target as HTMLElement).closest('[data-comment]');
    if (mark && onHighlightClick) onHighlightClick(mark.getAttribute('data-comment')!);
  };

  if (!editor) return null;
  const pending = selection.pending;
  return (
    <div
      ref={container}
      className={`rd-rich ${editable ? '' : 'rd-rich-readonly'}`}
      data-testid={`rich-${sectionId}`}
      onMouseUp={selection.onMouseUp}
      onKeyUp={selection.onKeyUp}
      onClick={onClick}
      style={{ position: 'relative' }}
    >
      {editable && <RichToolbar editor={editor} />}
      <EditorContent editor={editor} />
      {refusal && (
        <Alert type="error" showIcon closable onClose={clearRefusal} style={{ marginTop: 8 }} message={<span data-testid={`section-refusal-${sectionId}`}>{refusal}</span>} />
      )}
      {pending && onComment && (
        <Button
          size="small"
          type="primary"
          icon={<CommentOutlined />}
          style={{ position: 'absolute', top: pending.top, left: pending.left, zIndex: 4 }}
          onMouseDown={(event) => event.preventDefault()}
          onClick={selection.commentPending}
          data-testid="comment-selection"
        >
          {t('review.commentSelection')}
        </Button>
      )}
    </div>
  );
}
