import { Module } from '@nestjs/common';
import { ResourceController } from './resource.controller';
import { ResourceService } from './resource.service';

/**
 * The catch-all resource routes (`/api/*`, `/apis/*`). Nest registers a root module's own controllers before the
 * routes of the modules it imports, so this lives in a module of its own, imported after the endpoint modules:
 * their exact paths (`/apis/<group>/<version>` discovery, …) must win.
 */
@Module({ controllers: [ResourceController], providers: [ResourceService], exports: [ResourceService] })
export class ResourcesModule {}
