import { All, Controller, Get, Module, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { createBuiltinRegistry } from '@flotilla/domain';
import { DiscoveryModule } from '../discovery/discovery.module';
import { notFound, sendBody, sendJson, sendStatusError } from '../system/http.reply';
import { Kubectl } from '../system/kubectl.harness';
import { type Harness, serveModules } from '../system/serve.harness';
import { RESOURCE_REGISTRY } from '../tokens';
import { swaggerDocument } from './swagger.document';
import { SWAGGER_PROTOBUF, encodeSwaggerProtobuf } from './swagger.protobuf';

/**
 * Flotilla always advertises server-side field validation, so kubectl ≤1.28 never validates on the client
 * against it. This server hides that (no /openapi/v3, no fieldValidation parameter in /openapi/v2), which makes
 * kubectl 1.27/1.28 validate every object with the published v2 schemas, as they would against an old server.
 */
function documentWithoutFieldValidation(): Buffer {
  const doc = swaggerDocument(createBuiltinRegistry().groups()) as unknown as { paths: Record<string, Record<string, any>> };
  for (const item of Object.values(doc.paths)) {
    for (const op of Object.values(item)) {
      if (op && Array.isArray(op.parameters)) op.parameters = op.parameters.filter((p: { name: string }) => p.name !== 'fieldValidation');
    }
  }
  return encodeSwaggerProtobuf(doc as unknown as Record<string, unknown>);
}

const posted: Array<{ url: string; body: Record<string, any> }> = [];

@Controller()
class ClientValidationServer {
  private readonly v2 = documentWithoutFieldValidation();

  @Get('openapi/v2')
  swagger(@Res() res: Response): void {
    sendBody(res, 200, SWAGGER_PROTOBUF, this.v2);
  }

  @All('*path')
  other(@Req() req: Request, @Res() res: Response): void {
    if (req.method !== 'POST') return sendStatusError(res, notFound());
    posted.push({ url: req.originalUrl, body: req.body });
    sendJson(res, 201, req.body);
  }
}

@Module({ controllers: [ClientValidationServer] })
class ClientValidationModule {}

const VALID = `apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels: {team: a}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  annotations: {note: x}
data:
  a: "1"
binaryData:
  b: aGk=
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  selector: {app: web}
  ports:
  - {name: http, port: 80, targetPort: http, protocol: TCP}
  - {name: alt, port: 8080, targetPort: 8080, nodePort: 30080}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  strategy:
    type: RollingUpdate
    rollingUpdate: {maxSurge: 25%, maxUnavailable: 1}
  selector:
    matchLabels: {app: web}
    matchExpressions: [{key: tier, operator: In, values: [front]}]
  template:
    metadata:
      labels: {app: web, tier: front}
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        ports: [{name: http, containerPort: 80}]
        env: [{name: A, value: "1"}, {name: B, valueFrom: {fieldRef: {fieldPath: metadata.name}}}]
        resources: {limits: {cpu: 1, memory: 256Mi}, requests: {cpu: 100m}}
        readinessProbe: {httpGet: {path: /, port: http}, periodSeconds: 5}
        volumeMounts: [{name: data, mountPath: /data}]
      volumes:
      - name: data
        emptyDir: {sizeLimit: 1Gi}
      tolerations: [{key: k, operator: Exists, effect: NoSchedule}]
---
apiVersion: batch/v1
kind: Job
metadata:
  name: once
spec:
  backoffLimit: 2
  completions: 1
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: c
        image: busybox
        command: [sh, -c, "echo hi"]
`;

const deploymentWith = (extra: { spec?: string; container?: string }) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: strict
spec:
  replicas: 1
${extra.spec ?? ''}  selector:
    matchLabels: {app: strict}
  template:
    metadata:
      labels: {app: strict}
    spec:
      containers:
      - name: c
        image: nginx
${extra.container ?? ''}`;

describe('kubectl 1.27/1.28 client-side validation with the published v2 schemas', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await serveModules([DiscoveryModule, ClientValidationModule], [{ provide: RESOURCE_REGISTRY, useValue: createBuiltinRegistry() }]);
  });
  afterAll(() => harness.close());
  beforeEach(() => {
    posted.length = 0;
  });

  describe.each([27, 28])('kubectl 1.%i', (minor) => {
    let kubectl: Kubectl;
    beforeEach(() => {
      kubectl = new Kubectl(minor, harness.url);
    });
    afterEach(() => kubectl.dispose());

    it('accepts valid namespaces, configmaps, services, deployments and jobs', async () => {
      const result = await kubectl.run('create', '-f', kubectl.file('valid.yaml', VALID));
      expect(result).toEqual({
        code: 0,
        stdout: 'namespace/shop created\nconfigmap/settings created\nservice/web created\ndeployment.apps/web created\njob.batch/once created\n',
        stderr: '',
      });
      expect(posted.map((p) => p.body.kind)).toEqual(['Namespace', 'ConfigMap', 'Service', 'Deployment', 'Job']);
    });

    it('rejects an unknown field before sending anything, naming the definition', async () => {
      const path = kubectl.file('bogus.yaml', deploymentWith({ spec: '  bogus: 1\n' }));
      const result = await kubectl.run('create', '-f', path);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr.trimEnd()).toBe(
        `error: error validating "${path}": error validating data: ValidationError(Deployment.spec): unknown field "bogus" in io.k8s.api.apps.v1.DeploymentSpec; if you choose to ignore these errors, turn validation off with --validate=false`,
      );
      expect(posted).toEqual([]);
    });

    it('reports every unknown field and wrong type in one list', async () => {
      const path = kubectl.file('bad.yaml', deploymentWith({ spec: '  bogus: 1\n', container: '        ports: [{containerPort: eighty, bad: x}]\n' }));
      const result = await kubectl.run('create', '-f', path);
      expect(result.stderr.trimEnd()).toBe(
        `error: error validating "${path}": error validating data: [ValidationError(Deployment.spec): unknown field "bogus" in io.k8s.api.apps.v1.DeploymentSpec, ` +
          'ValidationError(Deployment.spec.template.spec.containers[0].ports[0]): unknown field "bad" in io.k8s.api.core.v1.ContainerPort, ' +
          'ValidationError(Deployment.spec.template.spec.containers[0].ports[0].containerPort): invalid type for io.k8s.api.core.v1.ContainerPort.containerPort: got "string", expected "integer"]; ' +
          'if you choose to ignore these errors, turn validation off with --validate=false',
      );
      expect(posted).toEqual([]);
    });

    it('--validate=false skips the check and the server gets the object as written', async () => {
      const result = await kubectl.run('create', '--validate=false', '-f', kubectl.file('bogus.yaml', deploymentWith({ spec: '  bogus: 1\n' })));
      expect(result).toEqual({ code: 0, stdout: 'deployment.apps/strict created\n', stderr: '' });
      expect(posted[0].body.spec.bogus).toBe(1);
    });
  });
});
