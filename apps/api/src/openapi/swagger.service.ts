import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { ResourceRegistry } from '@flotilla/domain';
import { RESOURCE_REGISTRY } from '../tokens';
import { swaggerDocument } from './swagger.document';
import { encodeSwaggerProtobuf } from './swagger.protobuf';

/** The `/openapi/v2` document in both encodings, named by one entity tag as kube-openapi does. */
export interface SwaggerBodies {
  json: Buffer;
  protobuf: Buffer;
  /** Upper-case hex SHA-512 of the JSON bytes, unquoted. */
  hash: string;
  lastModified: Date;
}

/**
 * The Swagger 2.0 document generated from the registry. The registry is fixed for the life of the process, so the
 * document and its protobuf form are built once, on first use.
 */
@Injectable()
export class SwaggerService {
  private bodies: SwaggerBodies | undefined;

  constructor(@Inject(RESOURCE_REGISTRY) private readonly registry: ResourceRegistry) {}

  current(): SwaggerBodies {
    if (!this.bodies) {
      const document = swaggerDocument(this.registry.groups());
      const json = Buffer.from(JSON.stringify(document), 'utf8');
      this.bodies = {
        json,
        protobuf: encodeSwaggerProtobuf(document as unknown as Record<string, unknown>),
        hash: createHash('sha512').update(json).digest('hex').toUpperCase(),
        // HTTP dates have second precision; If-Modified-Since compares at that precision.
        lastModified: new Date(Math.floor(Date.now() / 1000) * 1000),
      };
    }
    return this.bodies;
  }
}
