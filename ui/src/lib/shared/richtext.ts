// The rich-text editor's two directions, kept pure for tests: Markdown as stored (paragraphs,
// **bold**, "- " bullet lines) to editable DOM built with createElement and text nodes (never
// HTML strings: people's text is always text), and any DOM (the editor's, or what Word put on
// the clipboard) back to that Markdown, keeping bold and bullets and dropping everything else.
// Clear print has no italic or underline, so neither survives.

type Run = { text: string; bold: boolean };
type Block = { kind: 'paragraph' | 'bullet'; runs: Run[] };

/** Bold parts of one line: `a **b** c` -> [a ][b][ c]. */
function runsOf(line: string): Run[] {
  return line.split('**').map((text, index) => ({ text, bold: index % 2 === 1 })).filter((r) => r.text !== '');
}

/** The blocks of stored Markdown: bullet lines, and paragraphs (lines joined by line breaks). */
export function blocksOf(markdown: string): Block[] {
  const blocks: Block[] = [];
  for (const chunk of markdown.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    let paragraph: string[] = [];
    const flush = () => {
      if (paragraph.length) blocks.push({ kind: 'paragraph', runs: runsOf(paragraph.join('\n')) });
      paragraph = [];
    };
    for (const line of chunk.split('\n')) {
      const bullet = /^\s*[-*•]\s+(.*)$/.exec(line);
      if (bullet) {
        flush();
        blocks.push({ kind: 'bullet', runs: runsOf(bullet[1]) });
      } else if (line.trim() !== '') {
        paragraph.push(line.trim());
      }
    }
    flush();
  }
  return blocks;
}

function appendRuns(parent: Node, runs: Run[], doc: Document) {
  for (const run of runs) {
    const lines = run.text.split('\n');
    const target = run.bold ? parent.appendChild(doc.createElement('strong')) : parent;
    lines.forEach((text, index) => {
      if (index > 0) target.appendChild(doc.createElement('br'));
      if (text) target.appendChild(doc.createTextNode(text));
    });
  }
}

/** Fills `root` with the editable form of `markdown`. */
export function renderInto(root: HTMLElement, markdown: string) {
  const doc = root.ownerDocument;
  root.replaceChildren();
  let list: HTMLElement | null = null;
  for (const block of blocksOf(markdown)) {
    if (block.kind === 'bullet') {
      list ??= root.appendChild(doc.createElement('ul'));
      appendRuns(list.appendChild(doc.createElement('li')), block.runs, doc);
    } else {
      list = null;
      appendRuns(root.appendChild(doc.createElement('p')), block.runs, doc);
    }
  }
  if (!root.firstChild) root.appendChild(doc.createElement('p')).appendChild(doc.createElement('br'));
}

const BLOCK_TAGS = new Set(['P', 'DIV', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'TABLE', 'TR', 'SECTION', 'ARTICLE', 'PRE']);

function isBold(element: Element): boolean {
  if (element.tagName === 'B' || element.tagName === 'STRONG') return true;
  const weight = (element as HTMLElement).style?.fontWeight ?? '';
  return weight === 'bold' || Number(weight) >= 600;
}

/** Word's hidden list markers (the "·" and spaces before a bullet) are not text. */
function isWordListMarker(element: Element): boolean {
  return /mso-list:\s*ignore/i.test(element.getAttribute('style') ?? '');
}

/** Any DOM as stored Markdown: bold and bullets kept, everything else reduced to its text. */
export function toMarkdown(root: Node): string {
  const blocks: Block[] = [];
  let current: Block | null = null;
  const open = (kind: Block['kind']) => (current = { kind, runs: [] });
  const close = () => {
    if (current && current.runs.some((r) => r.text.trim() !== '')) blocks.push(current);
    current = null;
  };
  const add = (text: string, bold: boolean) => {
    if (!current) open('paragraph');
    const runs = current!.runs;
    const last = runs[runs.length - 1];
    if (last && last.bold === bold) last.text += text;
    else runs.push({ text, bold });
  };
  const walk = (node: Node, bold: boolean) => {
    if (node.nodeType === 3) {
      add((node.textContent ?? '').replace(/\u00a0/g, ' ').replace(/[ \t\r\n]+/g, ' '), bold);
      return;
    }
    if (node.nodeType !== 1) return;
    const element = node as Element;
    if (['SCRIPT', 'STYLE', 'HEAD', 'TITLE', 'META'].includes(element.tagName) || isWordListMarker(element)) return;
    if (element.tagName === 'BR') {
      add('\n', false);
      return;
    }
    const wordBullet = element.tagName === 'P' && /MsoListParagraph/i.test(element.getAttribute('class') ?? '');
    if (element.tagName === 'LI' || wordBullet) {
      close();
      open('bullet');
      element.childNodes.forEach((child) => walk(child, bold || isBold(element)));
      close();
      return;
    }
    const block = BLOCK_TAGS.has(element.tagName) || element.tagName === 'UL' || element.tagName === 'OL';
    if (block) close();
    element.childNodes.forEach((child) => walk(child, bold || isBold(element)));
    if (block) close();
  };
  walk(root, false);
  close();
  const text = (runs: Run[]) =>
    runs
      .map((r) => {
        if (!r.bold || r.text.trim() === '') return r.text;
        // Spaces stay outside the stars: "** x**" is not bold in Markdown.
        const [, lead, inner, trail] = /^(\s*)([\s\S]*?)(\s*)$/.exec(r.text)!;
        return `${lead}**${inner}**${trail}`;
      })
      .join('')
      .split('\n')
      .map((line) => line.trim())
      .join('\n')
      .trim();
  let out = '';
  blocks.forEach((block, index) => {
    const line = block.kind === 'bullet' ? `- ${text(block.runs).replace(/\n/g, ' ')}` : text(block.runs);
    if (index > 0) out += block.kind === 'bullet' && blocks[index - 1].kind === 'bullet' ? '\n' : '\n\n';
    out += line;
  });
  return out;
}
