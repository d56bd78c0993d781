import type { DynamicModule } from '@nestjs/common';

/** The non-resource endpoint modules, imported before the resource controller so their exact routes win. */
export function endpointModules(): NonNullable<DynamicModule['imports']> {
  return [];
}
