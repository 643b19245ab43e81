import type { ErrorCode } from '../../../shared/api.ts';

/** An error the UI shows as it is: its message names what is wrong, in the analyst's words. */
export class DeskError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'DeskError';
    this.code = code;
  }
}
