import { describe, expect, it, vi } from 'vitest';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));

import { invoke } from '@tauri-apps/api/core';
import { AppError, call, toAppError } from './invoke';

describe('calling Rust', () => {
  it('keeps the message and per-field messages that Rust sent', async () => {
    vi.mocked(invoke).mockRejectedValueOnce({
      code: 'invalid',
      message: 'Please correct the entry marked below.',
      fields: [{ field: 'email', message: 'An email address needs an @.' }],
    });
    const error = (await call('create_person', {}).catch((e: unknown) => e)) as AppError;
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe('invalid');
    expect(error.fieldMessage('email')).toBe('An email address needs an @.');
    expect(error.fieldMessage('phone')).toBeUndefined();
    expect(error.byField()).toEqual({ email: 'An email address needs an @.' });
  });

  it('never shows a raw exception to a volunteer', () => {
    const error = toAppError(new TypeError('undefined is not a function'));
    expect(error.code).toBe('unexpected');
    expect(error.message).not.toContain('undefined');
  });

  it('returns what Rust returns', async () => {
    vi.mocked(invoke).mockResolvedValueOnce([1, 2]);
    await expect(call('list_people')).resolves.toEqual([1, 2]);
  });
});
