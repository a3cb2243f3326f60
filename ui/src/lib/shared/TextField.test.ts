import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/svelte';
import TextField from './TextField.svelte';

describe('TextField', () => {
  it('labels the box and ties the error message to it', () => {
    const { getByLabelText, getByText } = render(TextField, {
      props: { id: 'email', label: 'Email address', value: 'x', error: 'An email address needs an @.' },
    });
    const input = getByLabelText('Email address') as HTMLInputElement;
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe('email-error');
    expect(getByText('An email address needs an @.')).toBeTruthy();
  });

  it('shows hostile text as text in the box', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const { container, getByLabelText } = render(TextField, { props: { id: 'n', label: 'Name', value: hostile } });
    expect((getByLabelText('Name') as HTMLInputElement).value).toBe(hostile);
    expect(container.querySelector('img')).toBeNull();
  });

  it('names a formatted box by its label and ties its error to it', () => {
    const { getByRole } = render(TextField, { props: { id: 'offers', label: 'What it offers', rich: true, value: '**Free** lunch', error: 'Too long.' } });
    const box = getByRole('textbox', { name: 'What it offers' });
    expect(box.getAttribute('contenteditable')).toBe('true');
    expect(box.getAttribute('aria-describedby')).toBe('offers-error');
    expect(box.querySelector('strong')?.textContent).toBe('Free');
  });
});
