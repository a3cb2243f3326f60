import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, waitFor } from '@testing-library/svelte';
import type { PrintSetup } from '../api/bindings/PrintSetup';

let setup: PrintSetup;
vi.mock('../api/commands', () => ({ listPrinters: vi.fn(() => Promise.resolve(setup)) }));

import PrintDialog from './PrintDialog.svelte';

// jsdom has <dialog> but not its modal methods.
HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
  this.open = true;
};
HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
  this.open = false;
};

const props = { open: true, onprint: vi.fn(() => Promise.resolve(null)), onclose: vi.fn() };

describe('PrintDialog', () => {
  afterEach(cleanup);

  it('on Windows says the PDF program prints it, and Print is ready without a printer list', async () => {
    setup = { route: 'pdfProgram', printers: [] };
    const { getByText, getByRole, queryByLabelText } = render(PrintDialog, props);
    await waitFor(() => expect(getByText(/hands the document to your PDF program/)).toBeTruthy());
    expect(queryByLabelText('Printer')).toBeNull();
    expect((getByRole('button', { name: 'Print', hidden: true }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('with CUPS offers its printers, the usual one first and said so', async () => {
    setup = { route: 'cups', printers: [{ name: 'Reception', isDefault: true }, { name: 'Office', isDefault: false }] };
    const { getByLabelText } = render(PrintDialog, props);
    await waitFor(() => expect((getByLabelText('Printer') as HTMLSelectElement).value).toBe('Reception'));
    expect(getByLabelText('Printer').textContent).toContain('Reception (usual printer)');
  });

  it('with CUPS and no printers says what to do instead, and Print waits', async () => {
    setup = { route: 'cups', printers: [] };
    const { getByText, getByRole } = render(PrintDialog, props);
    await waitFor(() => expect(getByText(/No printers are set up on this computer/)).toBeTruthy());
    expect((getByRole('button', { name: 'Print', hidden: true }) as HTMLButtonElement).disabled).toBe(true);
  });
});
