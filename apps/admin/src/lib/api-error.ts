/** One field the API refused, and why (the API's documented 400 shape). */
export interface FieldProblem {
  field: string;
  message: string;
}

interface ErrorBody {
  error?: string;
  message?: string;
  errors?: FieldProblem[];
  retryAt?: string;
  retryAfterSeconds?: number;
}

function bodyOf(value: unknown): ErrorBody {
  return value && typeof value === 'object' ? (value as ErrorBody) : {};
}

function sentenceFor(status: number, body: ErrorBody): string {
  if (body.message) return body.message;
  if (body.errors?.length) return body.errors.map((problem) => problem.message).join(' ');
  if (status === 0) return 'Gatehouse could not be reached. Check the connection and try again.';
  if (status === 401) return 'Your session has ended. Sign in again.';
  if (status === 403) return 'Your role may not do this.';
  if (status === 404) return 'Not found: it may have been deleted.';
  if (status === 429) return 'Too many attempts. Wait a moment and try again.';
  if (status >= 500)
    return `Gatehouse failed to answer (${status}). Try again; if it persists, check the server's logs.`;
  return `The request failed (${status}).`;
}

/** A failed call to the back office API, with the API's own sentence as the message. */
export class ApiError extends Error {
  readonly body: ErrorBody;

  constructor(
    readonly status: number,
    body: unknown,
    message?: string,
  ) {
    const parsed = bodyOf(body);
    super(message ?? sentenceFor(status, parsed));
    this.name = 'ApiError';
    this.body = parsed;
  }

  /** The machine-readable code, such as resend_too_soon or sign_in_failed. */
  get code(): string | undefined {
    return this.body.error;
  }

  get fieldProblems(): FieldProblem[] {
    return this.body.errors ?? [];
  }

  /** When a 429 says to come back. */
  get retryAt(): Date | undefined {
    return this.body.retryAt ? new Date(this.body.retryAt) : undefined;
  }
}
