import {
  $applyNodeReplacement,
  TextNode,
  type EditorConfig,
  type LexicalNode,
  type NodeKey,
  type SerializedTextNode,
  type Spread,
} from 'lexical';

export type SerializedMentionNode = Spread<{ userId: string; name: string }, SerializedTextNode>;

/** "@Name" in a comment: one token, naming a person by id. */
export class MentionNode extends TextNode {
  __userId: string;
  __name: string;

  static override getType(): string {
    return 'mention';
  }

  static override clone(node: MentionNode): MentionNode {
    return new MentionNode(node.__userId, node.__name, node.__text, node.__key);
  }

  static override importJSON(json: SerializedMentionNode): MentionNode {
    return $createMentionNode(json.userId, json.name).updateFromJSON(json);
  }

  constructor(userId: string, name: string, text?: string, key?: NodeKey) {
    super(text ?? `@${name}`, key);
    this.__userId = userId;
    this.__name = name;
  }

  override exportJSON(): SerializedMentionNode {
    return { ...super.exportJSON(), type: 'mention', userId: this.__userId, name: this.__name };
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const dom = super.createDOM(config);
    dom.className = 'mention';
    return dom;
  }

  override isTextEntity(): true {
    return true;
  }

  override canInsertTextBefore(): boolean {
    return false;
  }

  override canInsertTextAfter(): boolean {
    return false;
  }
}

export function $createMentionNode(userId: string, name: string): MentionNode {
  return $applyNodeReplacement(new MentionNode(userId, name).setMode('token'));
}

export function $isMentionNode(node: LexicalNode | null | undefined): node is MentionNode {
  return node instanceof MentionNode;
}
