import { describe, expect, it } from 'vitest';
import { renderInto, toMarkdown } from './richtext';

function roundTrip(markdown: string): string {
  const root = document.createElement('div');
  renderInto(root, markdown);
  return toMarkdown(root);
}

function fromHtml(html: string): string {
  return toMarkdown(new DOMParser().parseFromString(html, 'text/html').body);
}

describe('the rich-text editor', () => {
  it('shows stored Markdown as formatted text and stores it back unchanged', () => {
    for (const markdown of [
      'The practice manager **welcomed** everyone.',
      'First paragraph.\n\nSecond, with **two** bold **words**.',
      'Agreed:\n\n- **Book** the hall\n- Print the posters\n\nNext meeting in March.',
      'A line\nand the next line in the same paragraph.',
      'Zoë said “thank you” — 100% agreed.',
    ]) {
      expect(roundTrip(markdown)).toBe(markdown);
    }
  });

  it('shows bold as bold and bullets as a list, built from text nodes only', () => {
    const root = document.createElement('div');
    renderInto(root, 'Say **hello** <img src=x onerror=alert(1)>\n\n- one\n- two');
    expect(root.querySelector('strong')?.textContent).toBe('hello');
    expect(root.querySelectorAll('ul li').length).toBe(2);
    expect(root.querySelector('img')).toBeNull();
    expect(root.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('keeps bold and bullets pasted from Word and drops the rest', () => {
    const word = `<html><head><style>p.MsoNormal{}</style></head><body>
      <p class=MsoNormal><b>Flu clinic</b> on <i>Saturday</i> <u>morning</u></p>
      <p class=MsoListParagraphCxSpFirst style='mso-list:l0 level1 lfo1'><span style='mso-list:Ignore'>·<span>&nbsp;&nbsp;</span></span>Bring leaflets</p>
      <p class=MsoListParagraphCxSpLast style='mso-list:l0 level1 lfo1'><span style='mso-list:Ignore'>·<span>&nbsp;&nbsp;</span></span><span style='font-weight:bold'>Set up</span> at 9am</p>
      <table><tr><td>Cell text</td></tr></table></body></html>`;
    expect(fromHtml(word)).toBe('**Flu clinic** on Saturday morning\n\n- Bring leaflets\n- **Set up** at 9am\n\nCell text');
  });

  it('puts the spaces outside the stars so bold stays bold', () => {
    expect(fromHtml('<p>Say<b> hello </b>now</p>')).toBe('Say **hello** now');
  });
});
