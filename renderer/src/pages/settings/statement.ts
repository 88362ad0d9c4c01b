/**
 * Reads the accessibility statement (docs/accessibility-statement.md) into blocks the screen
 * draws, so the app shows the very text the repository publishes. It knows only what that file
 * uses: headings, paragraphs, bulleted lists, **bold** and [links](https://…).
 */
export type Inline = { kind: 'text'; text: string } | { kind: 'bold'; text: string } | { kind: 'link'; text: string; href: string };

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; content: Inline[] }
  | { kind: 'list'; items: Inline[][] };

const INLINE = /\*\*([^*]+)\*\*|\[([^\]]+)\]\(([^)\s]+)\)/g;

export function readInline(text: string): Inline[] {
  const parts: Inline[] = [];
  let at = 0;
  for (const match of text.matchAll(INLINE)) {
    if (match.index > at) parts.push({ kind: 'text', text: text.slice(at, match.index) });
    if (match[1] !== undefined) parts.push({ kind: 'bold', text: match[1] });
    else parts.push({ kind: 'link', text: match[2] ?? '', href: match[3] ?? '' });
    at = match.index + match[0].length;
  }
  if (at < text.length) parts.push({ kind: 'text', text: text.slice(at) });
  return parts;
}

export function readStatement(markdown: string): Block[] {
  const blocks: Block[] = [];
  // Lines of the paragraph or list item being read; a blank line or a new block ends it.
  let lines: string[] = [];
  let items: string[] | null = null;
  const endParagraph = () => {
    if (lines.length > 0) blocks.push({ kind: 'paragraph', content: readInline(lines.join(' ')) });
    lines = [];
  };
  const endList = () => {
    if (items) blocks.push({ kind: 'list', items: items.map(readInline) });
    items = null;
  };
  for (const raw of markdown.split(/\r?\n/)) {
    const line = raw.trim();
    const heading = /^(#{1,3}) (.+)$/.exec(line);
    if (line === '') {
      endParagraph();
      endList();
    } else if (heading) {
      endParagraph();
      endList();
      blocks.push({ kind: 'heading', level: (heading[1]?.length ?? 1) as 1 | 2 | 3, text: heading[2] ?? '' });
    } else if (line.startsWith('- ')) {
      endParagraph();
      items ??= [];
      items.push(line.slice(2));
    } else if (items && items.length > 0 && /^\s/.test(raw)) {
      items[items.length - 1] += ` ${line}`;
    } else {
      endList();
      lines.push(line);
    }
  }
  endParagraph();
  endList();
  return blocks;
}
