// The one place that calls Rust. Every failure becomes an AppError with the
// plain-English message and per-field messages that Rust sent.
import { invoke } from '@tauri-apps/api/core';
import type { ErrorPayload } from './bindings/ErrorPayload';
import type { FieldError } from './bindings/FieldError';

export class AppError extends Error {
  readonly code: string;
  readonly fields: FieldError[];

  constructor(payload: ErrorPayload) {
    super(payload.message);
    this.code = payload.code;
    this.fields = payload.fields;
  }

  /** Every field's message, keyed by field name, for a form to show beside its fields. */
  byField(): Record<string, string> {
    return Object.fromEntries(this.fields.map((f) => [f.field, f.message]));
  }

  /** The message for one field, if Rust reported one. */
  fieldMessage(field: string): string | undefined {
    return this.fields.find((f) => f.field === field)?.message;
  }
}

function isPayload(value: unknown): value is ErrorPayload {
  return typeof value === 'object' && value !== null && 'code' in value && 'message' in value;
}

/** Turns whatever a failed call threw into an AppError a screen can show. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (isPayload(error)) return new AppError({ ...error, fields: error.fields ?? [] });
  return new AppError({
    code: 'unexpected',
    message: 'Something unexpected went wrong. Nothing was changed. Please try again.',
    fields: [],
  });
}

export async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (error) {
    throw toAppError(error);
  }
}
