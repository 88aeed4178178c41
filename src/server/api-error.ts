/**
 * An answer other than 200, as the API sends it: HTTP status and the JSON body `{error, message}`. `error` is a
 * stable machine-readable code (docs/api.md "Errors"); `message` says what was wrong and quotes the value.
 */
export type ApiErrorCode =
  | 'invalid_parameter' | 'invalid_expiry' | 'unknown_symbol' | 'no_data' | 'not_found'
  | 'missing_api_key' | 'invalid_api_key' | 'rate_limited' | 'method_not_allowed' | 'bad_request' | 'internal_error'
  | 'payload_too_large' | 'unsupported_media_type';

export class ApiError extends Error {
  constructor(readonly statusCode: number, readonly code: ApiErrorCode, message: string) {
    super(message);
    this.name = 'ApiError';
  }

  body(): { error: ApiErrorCode; message: string } {
    return { error: this.code, message: this.message };
  }
}

/** 400 `invalid_parameter`: `name was "value"; expected …`. */
export function invalidParameter(name: string, value: string | undefined, expected: string): ApiError {
  return new ApiError(400, 'invalid_parameter',
    value === undefined ? `${name} is required; ${expected}` : `${name} was ${JSON.stringify(value)}; ${expected}`);
}

/** 404 `unknown_symbol`. */
export function unknownSymbol(symbol: string, what: string): ApiError {
  return new ApiError(404, 'unknown_symbol', `no ${what} for ${symbol}`);
}
