import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { PricingRequestError } from '../api/pricing-bodies.ts';
import { FieldError } from '../ingest/ingest-report.ts';
import { ApiError, invalidParameter } from './api-error.ts';

/** The request's query string as sent (before any coercion), for quoting values in messages. */
export function rawQuery(request: FastifyRequest): URLSearchParams {
  const q = request.url.indexOf('?');
  return new URLSearchParams(q < 0 ? '' : request.url.slice(q + 1));
}

interface ValidationIssue {
  readonly keyword: string;
  readonly instancePath: string;
  readonly params: Record<string, unknown>;
}

interface PropertySchema {
  readonly description?: string;
}

function propertiesOf(request: FastifyRequest, context: string): Record<string, PropertySchema> {
  const schema = request.routeOptions.schema as Record<string, { properties?: Record<string, PropertySchema> } | undefined> | undefined;
  const part = context === 'params' ? schema?.params : schema?.querystring;
  return part?.properties ?? {};
}

/**
 * A Fastify schema-validation failure as a 400 naming the parameter and quoting the value as sent, with the
 * parameter's own `description` (query-schemas.ts) as what was expected. Expiry dates answer `invalid_expiry`.
 */
export function validationError(request: FastifyRequest, issues: readonly ValidationIssue[], context: string): ApiError {
  const issue = issues[0];
  const properties = propertiesOf(request, context);
  if (issue === undefined) return new ApiError(400, 'invalid_parameter', 'the request is not valid');
  if (issue.keyword === 'additionalProperties') {
    const name = String(issue.params.additionalProperty);
    const value = rawQuery(request).get(name) ?? '';
    return new ApiError(400, 'invalid_parameter',
      `unknown parameter ${name} (was ${JSON.stringify(value)}); accepted: ${Object.keys(properties).join(', ')}`);
  }
  const name = issue.keyword === 'required' ? String(issue.params.missingProperty) : issue.instancePath.split('/')[1] ?? '';
  const expected = properties[name]?.description ?? 'see /openapi.json';
  let value: string | undefined;
  if (context === 'params') {
    value = (request.params as Record<string, string | undefined>)[name];
  } else {
    const all = rawQuery(request).getAll(name);
    if (all.length > 1) return new ApiError(400, 'invalid_parameter', `${name} was given ${all.length} times; ${expected}, once`);
    value = all[0];
  }
  const error = invalidParameter(name, value, expected);
  return name === 'expiry' || name === 'expiration' ? new ApiError(400, 'invalid_expiry', error.message) : error;
}

/**
 * Every error leaves as JSON `{error, message}` with its status: ApiError as it is; a failed schema check, a
 * refused pricing input or field as 400; Fastify's own 4xx (bad URL encoding, body too large…) as
 * `bad_request`; anything else as 500 `internal_error`, logged, with no detail sent. Unknown routes: 404.
 */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    let api: ApiError;
    if (error instanceof ApiError) api = error;
    else if (error.validation !== undefined) api = validationError(request, error.validation, error.validationContext ?? 'querystring');
    else if (error instanceof PricingRequestError) api = invalidParameter(error.parameter, error.value, error.reason);
    else if (error instanceof FieldError) api = invalidParameter(error.field, error.value, error.reason);
    else if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
      api = new ApiError(error.statusCode, 'bad_request', error.message);
    } else {
      request.log.error(error);
      process.stderr.write(`smartmoney server: internal error on ${request.method} ${request.url}: ${error.stack ?? String(error)}\n`);
      api = new ApiError(500, 'internal_error', 'internal error; the server log has the details');
    }
    return reply.code(api.statusCode).send(api.body());
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    return reply.code(404).send({ error: 'not_found', message: `no endpoint ${request.method} ${path}; see /docs` });
  });
}
