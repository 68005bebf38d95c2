import { BoldOutlined, ItalicOutlined, OrderedListOutlined, UnderlineOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { Button, Space, Tooltip } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { RichNode } from '../../../electron/core/reports/schema';

const extensions = [
  StarterKit.configure({
    heading: { levels: [2, 3, 4] },
    code: false,
    codeBlock: false,
    horizontalRule: false,
    strike: false,
    link: false,
    blockquote: false,
  }),
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

/** Rich text for one section (TipTap): paragraphs, bold, italic, underline, lists. */
export function RichTextSection({
  sectionId,
  doc,
  editable,
  onChange,
  label,
}: {
  sectionId: string;
  doc: RichNode;
  editable: boolean;
  onChange: (doc: RichNode) => void;
  label: string;
}) {
  const editor = useEditor({
    extensions,
    content: doc as object,
    editable,
    immediatelyRender: true,
    editorProps: { attributes: { 'aria-label': label, 'data-section': sectionId, class: 'rd-rich-content' } },
    onUpdate: ({ editor: current }) => onChange(current.getJSON() as RichNode),
  });
  useEffect(() => {
    editor?.setEditable(editable);
  }, [editor, editable]);
  if (!editor) return null;
  return (
    <div className={`rd-rich ${editable ? '' : 'rd-rich-readonly'}`} data-testid={`rich-${sectionId}`}>
      {editable && <Toolbar editor={editor} />}
      <EditorContent editor={editor} />
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
