import { AutoLinkNode, LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import type { EditorThemeClasses, Klass, LexicalNode } from 'lexical';
import { MentionNode } from './MentionNode.ts';

/** The nodes the brief may hold (the relay seeds paragraphs of text only). */
export const briefNodes: Klass<LexicalNode>[] = [HeadingNode, QuoteNode, ListNode, ListItemNode, LinkNode, AutoLinkNode];

/** The nodes a comment may hold. */
export const commentNodes: Klass<LexicalNode>[] = [ListNode, ListItemNode, LinkNode, AutoLinkNode, MentionNode];

export const editorTheme: EditorThemeClasses = {
  paragraph: 'rt-p',
  heading: { h1: 'rt-h1', h2: 'rt-h2', h3: 'rt-h3' },
  quote: 'rt-quote',
  list: { ul: 'rt-ul', ol: 'rt-ol', listitem: 'rt-li', nested: { listitem: 'rt-nested' } },
  link: 'rt-link',
  text: { bold: 'rt-bold', italic: 'rt-italic', underline: 'rt-underline', strikethrough: 'rt-strike', code: 'rt-code' },
};

export const reportError = (error: Error) => console.error(error);
