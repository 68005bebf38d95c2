import { BoldOutlined, ItalicOutlined, OrderedListOutlined, UnderlineOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { CommentOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Tooltip } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RichNode } from '../../../electron/core/common/schemas/report';
import type { Anchor } from '../../../electron/core/common/schemas/review';
import { anchorFromSelection, CommentHighlights, setHighlights, type HighlightRange } from '../review/highlights';

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

function Toolbar({ editor }: { editor: Editor }) {
  const { t } = useTranslation();
  const active = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      bold: current.isActive('bold'),
      italic: current.isActive('italic'),
      underline: current.isActive('underline'),
      bullet: current.isActive('bulletList'),
      ordered: current.isActive('orderedList'),
    }),
  });
  const button = (key: keyof typeof active, icon: React.ReactNode, label: string, run: () => void) => (
    <Tooltip title={label} key={key}>
      <Button
        size="small"
        type={active[key] ? 'primary' : 'text'}
        icon={icon}
        aria-label={label}
        aria-pressed={active[key]}
        onMouseDown={(event) => event.preventDefault()}
        onClick={run}
      />
    </Tooltip>
  );
  return (
    <Space size={2} className="rd-rich-toolbar">
      {button('bold', <BoldOutlined />, `${t('editor.bold')} (Ctrl+B)`, () => editor.chain().focus().toggleBold().run())}
      {button('italic', <ItalicOutlined />, `${t('editor.italic')} (Ctrl+I)`, () => editor.chain().focus().toggleItalic().run())}
      {button('underline', <UnderlineOutlined />, `${t('editor.underline')} (Ctrl+U)`, () => editor.chain().focus().toggleUnderline().run())}
      {button('ordered', <OrderedListOutlined />, t('editor.orderedList'), () => editor.chain().focus().toggleOrderedList().run())}
      {button('bullet', <UnorderedListOutlined />, t('editor.bulletList'), () => editor.chain().focus().toggleBulletList().run())}
    </Space>
  );
}

/**
 * The most a paste may bring into one section: the store keeps at most 200,000 characters in one run of text
 * and 20,000 paragraphs in a section (core/common/schemas/report.ts). A larger paste is refused whole, beside the
 * section, before the editor takes it in (ProseMirror would spend minutes laying out 2 MB, and the save would
 * then be refused).
 */
export const maxPasteCharacters = 200_000;
export const maxPasteLines = 10_000;

/** Why a paste is refused, or null when it fits. */
export function pasteRefusal(text: string, html: string): { characters: number; lines: number } | null {
  const characters = text.length || html.length;
  let lines = 1;
  for (let index = text.indexOf('\n'); index !== -1 && lines <= maxPasteLines; index = text.indexOf('\n', index + 1)) lines += 1;
  if (characters > maxPasteCharacters || html.length > maxPasteCharacters * 4 || lines > maxPasteLines) return { characters, lines };
  return null;
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
  const [pending, setPending] = useState<{ anchor: Extract<Anchor, { kind: 'text' }>; top: number; left: number } | null>(null);
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
  useEffect(() => {
    if (editor) setHighlights(editor, highlights ?? []);
  }, [editor, highlights]);

  const onMouseUp = () => {
    if (!editor || !onComment || !container.current) return;
    offerSelection();
  };

  /** Offer 添加点评 for the passage selected now (by mouse, or by Shift+arrows in the editor); the passage or null. */
  const offerSelection = (): Extract<Anchor, { kind: 'text' }> | null => {
    if (!editor || !onComment || !container.current) return null;
    const selection = window.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) {
      setPending(null);
      return null;
    }
    const range = selection.getRangeAt(0);
    if (!editor.view.dom.contains(range.commonAncestorContainer)) return null;
    let from: number;
    let to: number;
    try {
      from = editor.view.posAtDOM(range.startContainer, range.startOffset);
      to = editor.view.posAtDOM(range.endContainer, range.endOffset);
    } catch {
      return null;
    }
    const anchor = anchorFromSelection(sectionId, editor.getJSON() as RichNode, Math.min(from, to), Math.max(from, to));
    if (!anchor) {
      setPending(null);
      return null;
    }
    const box = range.getBoundingClientRect();
    const frame = container.current.getBoundingClientRect();
    setPending({ anchor, top: box.bottom - frame.top + 4, left: Math.max(0, box.left - frame.left) });
    return anchor;
  };

  /** Keyboard: Shift+arrows select (the section can be focused even when read-only); Ctrl+Alt+M comments on the selection, as in Word. */
  const onKeyUp = (event: React.KeyboardEvent) => {
    if (!onComment) return;
    if ((event.ctrlKey || event.metaKey) && event.altKey && event.key.toLowerCase() === 'm') {
      const anchor = offerSelection();
      if (anchor) {
        onComment(anchor);
        setPending(null);
      }
      return;
    }
    if (event.shiftKey) offerSelection();
  };

  const onClick = (event: React.MouseEvent) => {
    const mark = (event.target as HTMLElement).closest('[data-comment]');
    if (mark && onHighlightClick) onHighlightClick(mark.getAttribute('data-comment')!);
  };

  if (!editor) return null;
  return (
    <div
      ref={container}
      className={`rd-rich ${editable ? '' : 'rd-rich-readonly'}`}
      data-testid={`rich-${sectionId}`}
      onMouseUp={onMouseUp}
      onKeyUp={onKeyUp}
      onClick={onClick}
      style={{ position: 'relative' }}
    >
      {editable && <Toolbar editor={editor} />}
      <EditorContent editor={editor} />
      {refusal && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setRefusal(null)}
          style={{ marginTop: 8 }}
          message={<span data-testid={`section-refusal-${sectionId}`}>{refusal}</span>}
        />
      )}
      {pending && onComment && (
        <Button
          size="small"
          type="primary"
          icon={<CommentOutlined />}
          style={{ position: 'absolute', top: pending.top, left: pending.left, zIndex: 4 }}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => {
            onComment(pending.anchor);
            setPending(null);
          }}
          data-testid="comment-selection"
        >
          {t('review.commentSelection')}
        </Button>
      )}
    </div>
  );
}

/** Insert plain paragraphs at the end of a section's document (used by "based on" helpers). */
export function appendParagraphs(doc: RichNode, lines: string[]): RichNode {
  return {
    ...doc,
    content: [...(doc.content ?? []), ...lines.map((line) => ({ type: 'paragraph', content: line ? [{ type: 'text', text: line }] : [] }))],
  };
}
