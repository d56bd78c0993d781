import { Controller, Get, Module, Param, Patch, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { createBuiltinRegistry, NotFoundError } from '@flotilla/domain';
import { DiscoveryModule } from '../discovery/discovery.module';
import { sendJson, sendStatusError } from '../system/http.reply';
import { Kubectl } from '../system/kubectl.harness';
import { type Harness, serveModules } from '../system/serve.harness';
import { RESOURCE_REGISTRY } from '../tokens';
import { OpenApiModule } from './openapi.module';

interface Seen {
  method: string;
  url: string;
  contentType?: string;
  body: unknown;
}

const seen: Seen[] = [];
const store = new Map<string, Record<string, any>>();

/** Just enough of the resource API for `create` and `apply` of one deployment; the real handlers live elsewhere. */
@Controller('apis/apps/v1/namespaces/:ns/deployments')
class FakeDeployments {
  @Post()
  create(@Param('ns') ns: string, @Req() req: Request, @Res() res: Response): void {
    seen.push({ method: 'POST', url: req.originalUrl, contentType: req.headers['content-type'], body: req.body });
    const obj = { ...req.body, metadata: { ...req.body.metadata, namespace: ns, uid: 'u-1', resourceVersion: '1', creationTimestamp: '2026-01-01T00:00:00Z' } };
    store.set(obj.metadata.name, obj);
    sendJson(res, 201, obj);
  }

  @Get(':name')
  read(@Param('name') name: string, @Res() res: Response): void {
    const obj = store.get(name);
    if (obj) sendJson(res, 200, obj);
    else sendStatusError(res, new NotFoundError('apps', 'deployments', name));
  }

  @Patch(':name')
  patch(@Param('name') name: string, @Req() req: Request, @Res() res: Response): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      seen.push({ method: 'PATCH', url: req.originalUrl, contentType: req.headers['content-type'], body });
      sendJson(res, 200, store.get(name));
    });
  }
}

@Module({ controllers: [FakeDeployments] })
class FakeResourcesModule {}

const manifest = (image: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: nginx
        image: ${image}
      - name: sidecar
        image: busybox
`;

describe('OpenAPI v3 and v2 with the real kubectl', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await serveModules([DiscoveryModule, OpenApiModule, FakeResourcesModule], [{ provide: RESOURCE_REGISTRY, useValue: createBuiltinRegistry() }]);
  });
  afterAll(() => harness.close());
  beforeEach(() => {
    seen.length = 0;
    store.clear();
  });

  it.each([33, 29])('kubectl 1.%i create -f passes validation and sends fieldValidation=Strict', async (minor) => {
    const kubectl = new Kubectl(minor, harness.url);
    try {
      const { code, stdout, stderr } = await kubectl.run('create', '-f', kubectl.file('deploy.yaml', manifest('nginx:1.25')));
      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect(stdout.trim()).toBe('deployment.apps/web created');
      expect(seen).toHaveLength(1);
      const query = new URL(seen[0].url, 'http://x').searchParams;
      expect(query.get('fieldValidation')).toBe('Strict');
      expect(query.get('fieldManager')).toBe('kubectl-create');
    } finally {
      kubectl.dispose();
    }
  });

  it('kubectl 1.33 apply computes a strategic merge patch from the published schema', async () => {
    const kubectl = new Kubectl(33, harness.url);
    try {
      const first = await kubectl.run('apply', '-f', kubectl.file('a.yaml', manifest('nginx:1.25')));
      expect(first.stderr).toBe('');
      expect(first.stdout.trim()).toBe('deployment.apps/web created');
      seen.length = 0;
      const second = await kubectl.run('apply', '-v=6', '-f', kubectl.file('b.yaml', manifest('nginx:1.26')));
      expect(second.code).toBe(0);
      expect(second.stderr).toContain('/openapi/v3/apis/apps/v1?hash=');
      // kubectl only falls back to /openapi/v2 (and then its compiled-in types) when the v3 schema does not do.
      expect(second.stderr).not.toContain('/openapi/v2');
      expect(second.stderr).not.toContain('warning');
      const patch = seen.find((s) => s.method === 'PATCH');
      expect(patch?.contentType).toBe('application/strategic-merge-patch+json');
      expect(new URL(patch!.url, 'http://x').searchParams.get('fieldValidation')).toBe('Strict');
      // Containers merged by name: only the changed one is sent, with the order directive.
      expect((patch!.body as any).spec.template.spec).toEqual({
        '$setElementOrder/containers': [{ name: 'nginx' }, { name: 'sidecar' }],
        containers: [{ image: 'nginx:1.26', name: 'nginx' }],
      });
    } finally {
      kubectl.dispose();
    }
  });

  it('kubectl 1.33 explain reads the published schema', async () => {
    const kubectl = new Kubectl(33, harness.url);
    try {
      const { code, stdout } = await kubectl.run('explain', 'deployment.spec.replicas');
      expect(code).toBe(0);
      expect(stdout).toContain('KIND:       Deployment');
      expect(stdout).toContain('FIELD: replicas <integer>');
    } finally {
      kubectl.dispose();
    }
  });

  it.each([27, 28])('kubectl 1.%i reads /openapi/v2 as gnostic protobuf: create -f needs no --validate=false', async (minor) => {
    const kubectl = new Kubectl(minor, harness.url);
    try {
      const { code, stdout, stderr } = await kubectl.run('create', '-v=6', '-f', kubectl.file('deploy.yaml', manifest('nginx:1.25')));
      expect(code).toBe(0);
      expect(stdout.trim()).toBe('deployment.apps/web created');
      expect(stderr).toMatch(/GET http:\/\/127\.0\.0\.1:\d+\/openapi\/v2\?timeout=32s 200 OK/);
      expect(stderr).not.toContain('swagger-2.0.0.pb-v1');
      // The v3 document still tells it the server validates, so validation is left to the server.
      expect(new URL(seen[0].url, 'http://x').searchParams.get('fieldValidation')).toBe('Strict');
    } finally {
      kubectl.dispose();
    }
  });

  it.each([27, 28])('kubectl 1.%i apply computes a strategic merge patch from the published v2 schema', async (minor) => {
    const kubectl = new Kubectl(minor, harness.url);
    try {
      expect((await kubectl.run('apply', '-f', kubectl.file('a.yaml', manifest('nginx:1.25')))).stdout.trim()).toBe('deployment.apps/web created');
      seen.length = 0;
      const second = await kubectl.run('apply', '-f', kubectl.file('b.yaml', manifest('nginx:1.26')));
      expect(second).toMatchObject({ code: 0, stderr: '' });
      const patch = seen.find((s) => s.method === 'PATCH');
      expect(patch?.contentType).toBe('application/strategic-merge-patch+json');
      expect((patch!.body as any).spec.template.spec).toEqual({
        '$setElementOrder/containers': [{ name: 'nginx' }, { name: 'sidecar' }],
        containers: [{ image: 'nginx:1.26', name: 'nginx' }],
      });
    } finally {
      kubectl.dispose();
    }
  });

  it('kubectl 1.27 explain --output=plaintext-openapiv2 reads the v2 document', async () => {
    const kubectl = new Kubectl(27, harness.url);
    try {
      const { code, stdout, stderr } = await kubectl.run('explain', 'deployment.spec.strategy', '--output=plaintext-openapiv2');
      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect(stdout).toContain('KIND:     Deployment\nVERSION:  apps/v1\n\nRESOURCE: strategy <Object>');
      expect(stdout).toMatch(/FIELDS:\n {3}rollingUpdate\t<Object>\n\n {3}type\t<string>/);
    } finally {
      kubectl.dispose();
    }
  });
});
