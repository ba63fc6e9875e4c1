import '@mantine/tiptap/styles.css';
import { FileButton, Loader } from '@mantine/core';
import { RichTextEditor, type RichTextEditorLabels } from '@mantine/tiptap';
import { IconPhotoPlus, IconTablePlus } from '@tabler/icons-react';
import Image from '@tiptap/extension-image';
import Link from '@tiptap/extension-link';
import { TableKit } from '@tiptap/extension-table';
import { useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { errorMessage } from '../../ui/errors.ts';
import { toastError } from '../../ui/toast.ts';
import { uploadImage } from './knowledge.api.ts';

/**
 * The answer's rich-text editor (Mantine's RichTextEditor over Tiptap): headings, lists, links, code,
 * quotes, tables and uploaded images. What it gives back is HTML; the server sanitises it on save.
 * `initialHtml` is read once: the parent remounts (a new `key`) to load other content.
 */
export function RichTextField({ initialHtml, onChange, label }: { initialHtml: string; onChange: (html: string) => void; label: string }) {
  const { t } = useTranslation();
  const [uploading, setUploading] = useState(false);
  const editor = useEditor({
    extensions: [
      // StarterKit 3 brings its own Link; the configured one below replaces it.
      StarterKit.configure({ link: false, heading: { levels: [2, 3, 4] } }),
      Link.configure({ openOnClick: false, autolink: true, protocols: ['http', 'https', 'mailto', 'tel'] }),
      TableKit.configure({ table: { resizable: false } }),
      Image.configure({ inline: false, allowBase64: false }),
    ],
    content: initialHtml,
    immediatelyRender: true,
    shouldRerenderOnTransaction: false,
    editorProps: { attributes: { 'aria-label': label } },
    onUpdate: ({ editor: e }) => onChange(e.isEmpty ? '' : e.getHTML()),
  });

  const labels = useMemo<Partial<RichTextEditorLabels>>(
    () => ({
      boldControlLabel: t('knowledge.editor.bold'),
      italicControlLabel: t('knowledge.editor.italic'),
      h2ControlLabel: t('knowledge.editor.h2'),
      h3ControlLabel: t('knowledge.editor.h3'),
      bulletListControlLabel: t('knowledge.editor.bulletList'),
      orderedListControlLabel: t('knowledge.editor.orderedList'),
      linkControlLabel: t('knowledge.editor.link'),
      unlinkControlLabel: t('knowledge.editor.unlink'),
      codeBlockControlLabel: t('knowledge.editor.codeBlock'),
      blockquoteControlLabel: t('knowledge.editor.blockquote'),
      linkEditorInputLabel: t('knowledge.editor.linkUrl'),
      linkEditorInputPlaceholder: 'https://…',
      linkEditorExternalLink: t('knowledge.editor.linkExternal'),
      linkEditorInternalLink: t('knowledge.editor.linkInternal'),
      linkEditorSave: t('common.save'),
      tableColumnAfterControlLabel: t('knowledge.editor.addColumn'),
      tableColumnDeleteControlLabel: t('knowledge.editor.deleteColumn'),
      tableRowAfterControlLabel: t('knowledge.editor.addRow'),
      tableRowDeleteControlLabel: t('knowledge.editor.deleteRow'),
      tableDeleteControlLabel: t('knowledge.editor.deleteTable'),
      undoControlLabel: t('knowledge.editor.undo'),
      redoControlLabel: t('knowledge.editor.redo'),
    }),
    [t],
  );

  const upload = async (file: File | null) => {
    if (!file || !editor) return;
    setUploading(true);
    try {
      const uploaded = await uploadImage(file);
      if (!uploaded.inlineImage) {
        toastError(t('knowledge.editor.notAnImage'));
        return;
      }
      editor.chain().focus().setImage({ src: uploaded.url, alt: file.name }).run();
    } catch (error) {
      toastError(error instanceof ApiError && error.status === 413 ? t('knowledge.editor.imageTooLarge') : errorMessage(t, error));
    } finally {
      setUploading(false);
    }
  };

  return (
    <RichTextEditor editor={editor} labels={labels}>
      <RichTextEditor.Toolbar sticky stickyOffset="var(--app-header-height, 60px)">
        <RichTextEditor.ControlsGroup>
          <RichTextEditor.Bold />
          <RichTextEditor.Italic />
        </RichTextEditor.ControlsGroup>
        <RichTextEditor.ControlsGroup>
          <RichTextEditor.H2 />
          <RichTextEditor.H3 />
        </RichTextEditor.ControlsGroup>
        <RichTextEditor.ControlsGroup>
          <RichTextEditor.BulletList />
          <RichTextEditor.OrderedList />
          <RichTextEditor.Blockquote />
          <RichTextEditor.CodeBlock />
        </RichTextEditor.ControlsGroup>
        <RichTextEditor.ControlsGroup>
          <RichTextEditor.Link />
          <RichTextEditor.Unlink />
        </RichTextEditor.ControlsGroup>
        <RichTextEditor.ControlsGroup>
          <RichTextEditor.Control
            onClick={() => editor?.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()}
            aria-label={t('knowledge.editor.insertTable')}
            title={t('knowledge.editor.insertTable')}
          >
            <IconTablePlus size={16} stroke={1.5} />
          </RichTextEditor.Control>
          <RichTextEditor.TableRowAfter />
          <RichTextEditor.TableRowDelete />
          <RichTextEditor.TableColumnAfter />
          <RichTextEditor.TableColumnDelete />
          <RichTextEditor.TableDelete />
        </RichTextEditor.ControlsGroup>
        <RichTextEditor.ControlsGroup>
          <FileButton onChange={(file) => void upload(file)} accept="image/png,image/jpeg,image/gif,image/webp">
            {(props) => (
              <RichTextEditor.Control {...props} disabled={uploading} aria-label={t('knowledge.editor.image')} title={t('knowledge.editor.image')}>
                {uploading ? <Loader size={12} /> : <IconPhotoPlus size={16} stroke={1.5} />}
              </RichTextEditor.Control>
            )}
          </FileButton>
        </RichTextEditor.ControlsGroup>
        <RichTextEditor.ControlsGroup>
          <RichTextEditor.Undo />
          <RichTextEditor.Redo />
        </RichTextEditor.ControlsGroup>
      </RichTextEditor.Toolbar>
      <RichTextEditor.Content mih={260} />
    </RichTextEditor>
  );
}
