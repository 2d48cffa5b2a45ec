/**
 * The one error tree (STYLE rule 6): domain code throws `AppError(code)`; `errorCodes` maps each
 * code to an HTTP status and a default user-readable message.
 */
export const errorCodes = {
  bad_request: { status: 400, message: 'The request is invalid.' },
  unauthenticated: { status: 401, message: 'Sign in to continue.' },
  forbidden: { status: 403, message: 'You do not have permission to do that.' },
  not_found: { status: 404, message: 'Not found.' },
  conflict: { status: 409, message: 'That conflicts with the current state.' },
  unprocessable: { status: 422, message: 'The request cannot be carried out.' },
  invalid_credentials: { status: 401, message: 'Invalid email or password.' },
  throttled: { status: 429, message: 'Too many attempts. Try again later.' },
  setup_done: { status: 409, message: 'Setup is already complete. Sign in instead.' },
  registration_closed: {
    status: 403,
    message: 'Registration is closed. Ask an administrator for an account.',
  },
  email_taken: { status: 409, message: 'An account with that email already exists.' },
  unavailable: { status: 503, message: 'The service is temporarily unavailable.' },
  internal: { status: 500, message: 'Something went wrong on our side.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof errorCodes;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: Record<string, string[]>;

  constructor(code: ErrorCode, message?: string, fields?: Record<string, string[]>) {
    super(message ?? errorCodes[code].message);
    this.name = 'AppError';
    this.code = code;
    this.fields = fields;
  }

  get status(): number {
    return errorCodes[this.code].status;
  }
}

/** The shape every API error body and failed server action result has. */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
  fields?: Record<string, string[]>;
}

/** Turns anything thrown into an ErrorBody; unknown errors become `internal` (details logged, not shown). */
export function toErrorBody(error: unknown): ErrorBody {
  if (error instanceof AppError) {
    return {
      code: error.code,
      message: error.message,
      ...(error.fields ? { fields: error.fields } : {}),
    };
  }
  console.error(error);
  return { code: 'internal', message: errorCodes.internal.message };
}
