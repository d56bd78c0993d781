export { OpenApiModule } from './openapi.module';
export { OpenApiService, type OpenApiBody } from './openapi.service';
export { groupVersionDocument, type OpenApiDocument } from './openapi.document';
export { SwaggerService, type SwaggerBodies } from './swagger.service';
export { swaggerDocument, type SwaggerDocument } from './swagger.document';
