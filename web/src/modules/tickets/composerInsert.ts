import { createContext, useContext } from 'react';

/**
 * A way for panels beside the conversation (knowledge-base suggestions) to put text into the reply
 * composer: the composer registers its inserter, the panel calls `insert`. A plain object with a
 * mutable slot rather than state, so registering does not re-render the page.
 */
export interface ComposerInsert {
  current: ((text: string) => void) | null;
}

export const ComposerInsertContext = createContext<ComposerInsert>({ current: null });
export const useComposerInsert = () => useContext(ComposerInsertContext);

/** Appends `addition` to a draft, a blank line between them when the draft has text. */
export const appendToDraft = (draft: string, addition: string) => (draft.trim() ? `${draft.replace(/\s+$/, '')}\n\n${addition}` : addition);

/** The text of sanitised article HTML as the composer's Markdown-ish plain text: blocks on their own lines, list items as "- ". */
export function htmlToPlainText(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const lines: string[] = [];
  const walk = (node: Element) => {
    for (const child of Array.from(node.children)) {
      const tag = child.tagName.toLowerCase();
      if (tag === 'ul' || tag === 'ol' || tag === 'table' || tag === 'thead' || tag === 'tbody') walk(child);
      else if (tag === 'li') lines.push(`- ${child.textContent?.trim() ?? ''}`);
      else if (tag === 'tr') lines.push(Array.from(child.children).map((c) => c.textContent?.trim() ?? '').join(' | '));
      else lines.push(child.textContent?.trim() ?? '');
    }
  };
  walk(doc.body);
  return lines.filter((l, i) => l || lines[i - 1]).join('\n').replace(/\n{3,}/g, '\n\n').trim();
}
