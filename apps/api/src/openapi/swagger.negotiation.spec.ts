import { negotiateSwagger } from './swagger.negotiation';

describe('negotiateSwagger', () => {
  it.each([
    ['application/com.github.proto-openapi.spec.v2@v1.0+protobuf', 'protobuf'],
    ['application/com.github.proto-openapi.spec.v2.v1.0+protobuf', 'protobuf'],
    ['application/json', 'json'],
    [undefined, 'json'],
    ['', 'json'],
    ['*/*', 'json'],
    ['application/*', 'json'],
    ['application/json, */*', 'json'],
    ['application/yaml, application/com.github.proto-openapi.spec.v2@v1.0+protobuf', 'protobuf'],
    ['application/json;q=0.5, application/com.github.proto-openapi.spec.v2.v1.0+protobuf', 'protobuf'],
    ['*/*, application/com.github.proto-openapi.spec.v2@v1.0+protobuf', 'protobuf'],
    ['application/json;q=0, */*', 'json'],
  ])('Accept %p → %s', (accept, expected) => {
    expect(negotiateSwagger(accept)).toBe(expected);
  });

  it.each(['application/yaml', 'text/html', 'application/json;q=0', 'application/com.github.proto-openapi.spec.v3@v1.0+protobuf'])('Accept %p is not acceptable', (accept) => {
    expect(negotiateSwagger(accept)).toBeUndefined();
  });
});
