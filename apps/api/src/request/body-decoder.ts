import { load as loadYaml } from 'js-yaml';
import { BadRequestError, isObject, UnsupportedMediaTypeError } from '@flotilla/domain';
import { decodeProtobufObject } from '../protobuf';

export type PatchType = 'strategic' | 'merge' | 'json' | 'apply';

export const PATCH_CONTENT_TYPES: Record<string, PatchType> = {
  'application/strategic-merge-patch+json': 'strategic',
  'application/merge-patch+json': 'merge',
  'application/json-patch+json': 'json',
  'application/apply-patch+yaml': 'apply',
  'application/apply-patch+cbor': 'apply',
};

export function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0].trim().toLowerCase();
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new BadRequestError(`json parse error: ${(e as Error).message}`);
  }
}

function parseYaml(text: string): unknown {
  try {
    return loadYaml(text);
  } catch (e) {
    throw new BadRequestError(`yaml parse error: ${(e as Error).message.split('\n')[0]}`);
  }
}

function toText(body: Buffer): string {
  return body.toString('utf8');
}

/** Decodes an object body (POST/PUT). A missing Content-Type is JSON, as kubectl `scale --current-replicas` needs. */
export function decodeObjectBody(body: Buffer | undefined, contentType: string | undefined): Record<string, unknown> {
  if (!body || body.length === 0) throw new BadRequestError('the body of the request was empty');
  const type = mediaType(contentType);
  let value: unknown;
  switch (type) {
    case '':
    case 'application/json':
      value = parseJson(toText(body));
      break;
    case 'application/yaml':
    case 'application/x-yaml':
    case 'text/yaml':
      value = parseYaml(toText(body));
      break;
    case 'application/vnd.kubernetes.protobuf':
      value = decodeProtobufObject(body);
      break;
    default:
      throw new UnsupportedMediaTypeError(contentType ?? '');
  }
  if (!isObject(value)) throw new BadRequestError(`Object 'Kind' is missing in '${toText(body).slice(0, 200)}'`);
  return value;
}

export function decodePatchBody(body: Buffer | undefined, contentType: string | undefined): { type: PatchType; patch: unknown } {
  const type = PATCH_CONTENT_TYPES[mediaType(contentType)];
  if (!type) throw new UnsupportedMediaTypeError(contentType ?? '');
  if (!body || body.length === 0) throw new BadRequestError('the body of the request was empty');
  const text = toText(body);
  // An apply body is YAML (JSON is YAML); the others are JSON.
  return { type, patch: type === 'apply' ? parseYaml(text) : parseJson(text) };
}

/** DELETE bodies are optional JSON (or YAML) DeleteOptions. */
export function decodeOptionalBody(body: Buffer | undefined, contentType: string | undefined): unknown {
  if (!body || body.length === 0) return undefined;
  const type = mediaType(contentType);
  if (type === 'application/yaml') return parseYaml(toText(body));
  if (type === '' || type === 'application/json') return parseJson(toText(body));
  if (type === 'application/vnd.kubernetes.protobuf') return undefined;
  throw new UnsupportedMediaTypeError(contentType ?? '');
}
