/**
 * The single entry every host uses to run a call: look up the method, validate the argument
 * with its schema, run the handler, and answer a value — never a thrown error.
 */
import type { z } from 'zod';
import { API_METHODS, type ApiMethod } from './api-methods';
import { apiArgs, type ApiResponse, type NotebookHandlers } from './api';
import { NotebookError } from './errors';

export function isApiMethod(name: string): name is ApiMethod {
  return (API_METHODS as readonly string[]).includes(name);
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** Turns zod issues into one sentence that names the field. */
export function describeIssues(method: string, issues: readonly z.core.$ZodIssue[], arg: unknown): string {
  const parts = issues.slice(0, 3).map((issue) => {
    const field = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') return `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    if (field && valueAt(arg, issue.path) === undefined) return `"${field}" is required`;
    const message = issue.message;
    if (!field || message.startsWith(field)) return message;
    return `"${field}": ${message}`;
  });
  const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : '';
  return `Invalid argument to ${method}: ${parts.join('; ')}${more}.`;
}

export interface DispatchOptions {
  /** Called with failures that are bugs, not user errors (for logging). */
  onInternalError?: (method: string, error: unknown) => void;
}

export async function dispatch(
  handlers: NotebookHandlers,
  method: string,
  rawArg: unknown,
  options: DispatchOptions = {},
): Promise<ApiResponse<unknown>> {
  if (!isApiMethod(method)) {
    return { ok: false, error: { code: 'invalid_argument', message: `There is no call named "${method}".` } };
  }
  const parsed = apiArgs[method].safeParse(rawArg ?? {});
  if (!parsed.success) {
    return { ok: false, error: { code: 'invalid_argument', message: describeIssues(method, parsed.error.issues, rawArg) } };
  }
  try {
    const handler = handlers[method] as (arg: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    if (error instanceof NotebookError) return { ok: false, error: error.toApiError() };
    options.onInternalError?.(method, error);
    return {
      ok: false,
      error: { code: 'internal', message: `Something went wrong in ${method}: ${String(error)}` },
    };
  }
}
