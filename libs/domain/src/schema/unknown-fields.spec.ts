import { schemaFor } from './schema.registry';
import { findTypeErrors } from './type-errors';
import { findUnknownFields, unknownFieldMessage } from './unknown-fields';
import { any, int32, mapOf, obj, str } from './schema.builders';
import type { TypeSchema } from './type-schema';

const meta = (name: string, namespace = 'default') => ({
  name,
  namespace,
  uid: '4f1d2c3b-0000-4000-8000-00000000abcd',
  resourceVersion: '1042',
  generation: 3,
  creationTimestamp: '2025-05-01T10:00:00Z',
  labels: { app: name, tier: 'web' },
  annotations: { 'deployment.kubernetes.io/revision': '3' },
  finalizers: ['example.com/cleanup'],
  ownerReferences: [
    { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: `${name}-7d9f`, uid: '1234', controller: true, blockOwnerDeletion: true },
  ],
  managedFields: [
    {
      manager: 'kubectl-client-side-apply',
      operation: 'Update',
      apiVersion: 'apps/v1',
      time: '2025-05-01T10:00:00Z',
      fieldsType: 'FieldsV1',
      fieldsV1: { 'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } } },
    },
  ],
});

const podTemplate = {
  metadata: { labels: { app: 'web' }, annotations: { 'kubectl.kubernetes.io/restartedAt': '2025-05-01T10:00:00Z' } },
  spec: {
    serviceAccountName: 'web',
    automountServiceAccountToken: false,
    terminationGracePeriodSeconds: 30,
    dnsPolicy: 'ClusterFirst',
    restartPolicy: 'Always',
    priorityClassName: 'high',
    nodeSelector: { 'kubernetes.io/os': 'linux' },
    imagePullSecrets: [{ name: 'regcred' }],
    securityContext: { runAsNonRoot: true, runAsUser: 1000, fsGroup: 2000, seccompProfile: { type: 'RuntimeDefault' } },
    initContainers: [{ name: 'migrate', image: 'web:1.2', command: ['/bin/migrate'], args: ['--up'] }],
    containers: [
      {
        name: 'web',
        image: 'registry.example.com/web:1.2.3',
        imagePullPolicy: 'IfNotPresent',
        ports: [
          { name: 'http', containerPort: 8080, protocol: 'TCP' },
          { name: 'metrics', containerPort: 9090 },
        ],
        env: [
          { name: 'MODE', value: 'production' },
          { name: 'POD_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
          { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password', optional: false } } },
          { name: 'FLAGS', valueFrom: { configMapKeyRef: { name: 'web-config', key: 'flags' } } },
          { name: 'CPU_LIMIT', valueFrom: { resourceFieldRef: { containerName: 'web', resource: 'limits.cpu', divisor: '1m' } } },
        ],
        envFrom: [{ configMapRef: { name: 'web-env' } }, { prefix: 'S_', secretRef: { name: 'web-secrets' } }],
        resources: { requests: { cpu: '250m', memory: '256Mi' }, limits: { cpu: 1, memory: '1Gi', 'nvidia.com/gpu': '1' } },
        livenessProbe: {
          httpGet: { path: '/healthz', port: 'http', scheme: 'HTTP', httpHeaders: [{ name: 'X-Probe', value: '1' }] },
          initialDelaySeconds: 10,
          periodSeconds: 10,
          timeoutSeconds: 2,
          failureThreshold: 3,
        },
        readinessProbe: { tcpSocket: { port: 8080 }, periodSeconds: 5, successThreshold: 1 },
        startupProbe: { exec: { command: ['cat', '/tmp/ready'] }, failureThreshold: 30 },
        lifecycle: { preStop: { sleep: { seconds: 5 } }, postStart: { exec: { command: ['/bin/warm'] } } },
        securityContext: {
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: true,
          capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE'] },
        },
        volumeMounts: [
          { name: 'config', mountPath: '/etc/web', readOnly: true },
          { name: 'data', mountPath: '/var/lib/web', subPath: 'web' },
          { name: 'cache', mountPath: '/cache' },
        ],
        terminationMessagePath: '/dev/termination-log',
        terminationMessagePolicy: 'File',
      },
      { name: 'sidecar', image: 'envoy:1.30', ports: [{ containerPort: 15001, protocol: 'TCP' }], resources: {} },
    ],
    volumes: [
      { name: 'config', configMap: { name: 'web-config', items: [{ key: 'app.yaml', path: 'app.yaml' }], defaultMode: 420 } },
      { name: 'secret', secret: { secretName: 'web-tls', optional: true } },
      { name: 'cache', emptyDir: { medium: 'Memory', sizeLimit: '64Mi' } },
      { name: 'data', persistentVolumeClaim: { claimName: 'web-data' } },
      { name: 'host', hostPath: { path: '/var/log', type: 'Directory' } },
      {
        name: 'token',
        projected: {
          sources: [
            { serviceAccountToken: { audience: 'api', expirationSeconds: 3600, path: 'token' } },
            { downwardAPI: { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } }] } },
            { configMap: { name: 'ca', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
          ],
        },
      },
      {
        name: 'scratch',
        ephemeral: {
          volumeClaimTemplate: {
            metadata: { labels: { type: 'scratch' } },
            spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'fast', resources: { requests: { storage: '1Gi' } } },
          },
        },
      },
    ],
    affinity: {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/arch', operator: 'In', values: ['amd64', 'arm64'] }] }],
        },
        preferredDuringSchedulingIgnoredDuringExecution: [
          { weight: 50, preference: { matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] } },
        ],
      },
      podAntiAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: [
          {
            weight: 100,
            podAffinityTerm: { labelSelector: { matchLabels: { app: 'web' } }, topologyKey: 'kubernetes.io/hostname' },
          },
        ],
      },
    },
    tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'web', effect: 'NoSchedule' }, { operator: 'Exists', tolerationSeconds: 300, effect: 'NoExecute' }],
    topologySpreadConstraints: [
      { maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: { app: 'web' } } },
    ],
    hostAliases: [{ ip: '10.0.0.1', hostnames: ['db.local'] }],
    dnsConfig: { nameservers: ['1.1.1.1'], searches: ['svc.local'], options: [{ name: 'ndots', value: '2' }] },
  },
};

const manifests: Array<[string, string, Record<string, unknown>]> = [
  [
    'apps',
    'Deployment',
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: meta('web'),
      spec: {
        replicas: 3,
        revisionHistoryLimit: 10,
        progressDeadlineSeconds: 600,
        selector: { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['web'] }] },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } },
        template: podTemplate,
      },
      status: {
        observedGeneration: 3,
        replicas: 3,
        updatedReplicas: 3,
        readyReplicas: 3,
        availableReplicas: 3,
        conditions: [
          {
            type: 'Available',
            status: 'True',
            lastUpdateTime: '2025-05-01T10:01:00Z',
            lastTransitionTime: '2025-05-01T10:01:00Z',
            reason: 'MinimumReplicasAvailable',
            message: 'Deployment has minimum availability.',
          },
        ],
      },
    },
  ],
  [
    '',
    'Service',
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: meta('web'),
      spec: {
        type: 'LoadBalancer',
        selector: { app: 'web' },
        ports: [
          { name: 'http', port: 80, targetPort: 'http', protocol: 'TCP', nodePort: 30080, appProtocol: 'http' },
          { name: 'metrics', port: 9090, targetPort: 9090 },
        ],
        clusterIP: '10.96.0.10',
        clusterIPs: ['10.96.0.10'],
        ipFamilies: ['IPv4'],
        ipFamilyPolicy: 'SingleStack',
        sessionAffinity: 'ClientIP',
        sessionAffinityConfig: { clientIP: { timeoutSeconds: 10800 } },
        externalTrafficPolicy: 'Local',
        internalTrafficPolicy: 'Cluster',
        healthCheckNodePort: 32000,
        allocateLoadBalancerNodePorts: true,
      },
      status: { loadBalancer: { ingress: [{ ip: '203.0.113.10', ipMode: 'VIP', ports: [{ port: 80, protocol: 'TCP' }] }] } },
    },
  ],
  [
    'batch',
    'Job',
    {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: meta('pi'),
      spec: {
        completions: 5,
        parallelism: 2,
        completionMode: 'Indexed',
        backoffLimitPerIndex: 1,
        maxFailedIndexes: 2,
        activeDeadlineSeconds: 600,
        ttlSecondsAfterFinished: 100,
        podReplacementPolicy: 'Failed',
        podFailurePolicy: {
          rules: [
            { action: 'FailJob', onExitCodes: { containerName: 'pi', operator: 'In', values: [42] } },
            { action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] },
          ],
        },
        successPolicy: { rules: [{ succeededIndexes: '0-2', succeededCount: 2 }] },
        template: { spec: { restartPolicy: 'Never', containers: [{ name: 'pi', image: 'perl:5', command: ['perl', '-Mbignum=bpi', '-wle', 'print bpi(2000)'] }] } },
      },
      status: {
        startTime: '2025-05-01T10:00:00Z',
        active: 2,
        succeeded: 1,
        failed: 0,
        ready: 2,
        terminating: 0,
        completedIndexes: '0',
        uncountedTerminatedPods: { succeeded: ['a'], failed: [] },
        conditions: [{ type: 'Complete', status: 'False', lastProbeTime: '2025-05-01T10:00:00Z', lastTransitionTime: '2025-05-01T10:00:00Z' }],
      },
    },
  ],
  [
    'batch',
    'CronJob',
    {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: meta('report'),
      spec: {
        schedule: '*/5 * * * *',
        timeZone: 'Etc/UTC',
        concurrencyPolicy: 'Forbid',
        startingDeadlineSeconds: 120,
        successfulJobsHistoryLimit: 3,
        failedJobsHistoryLimit: 1,
        suspend: false,
        jobTemplate: {
          metadata: { labels: { job: 'report' } },
          spec: { backoffLimit: 2, template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'report', image: 'busybox', args: ['date'] }] } } },
        },
      },
      status: {
        active: [{ apiVersion: 'batch/v1', kind: 'Job', name: 'report-1', namespace: 'default', uid: 'u1', resourceVersion: '9' }],
        lastScheduleTime: '2025-05-01T10:05:00Z',
        lastSuccessfulTime: '2025-05-01T10:00:00Z',
      },
    },
  ],
  [
    'networking.k8s.io',
    'Ingress',
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: meta('web'),
      spec: {
        ingressClassName: 'nginx',
        defaultBackend: { service: { name: 'default', port: { number: 80 } } },
        tls: [{ hosts: ['web.example.com'], secretName: 'web-tls' }],
        rules: [
          {
            host: 'web.example.com',
            http: {
              paths: [
                { path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { name: 'http' } } } },
                { path: '/static', pathType: 'ImplementationSpecific', backend: { resource: { apiGroup: 'k8s.example.com', kind: 'StorageBucket', name: 'static' } } },
              ],
            },
          },
        ],
      },
      status: { loadBalancer: { ingress: [{ hostname: 'lb.example.com', ports: [{ port: 443, protocol: 'TCP', error: 'x' }] }] } },
    },
  ],
  [
    'rbac.authorization.k8s.io',
    'Role',
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata: meta('pod-reader'),
      rules: [{ apiGroups: [''], resources: ['pods', 'pods/log'], verbs: ['get', 'list', 'watch'], resourceNames: ['web'] }],
    },
  ],
  [
    'rbac.authorization.k8s.io',
    'RoleBinding',
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: meta('read-pods'),
      subjects: [
        { kind: 'User', name: 'jane', apiGroup: 'rbac.authorization.k8s.io' },
        { kind: 'ServiceAccount', name: 'web', namespace: 'default' },
      ],
      roleRef: { kind: 'Role', name: 'pod-reader', apiGroup: 'rbac.authorization.k8s.io' },
    },
  ],
  [
    'rbac.authorization.k8s.io',
    'ClusterRole',
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: 'monitoring' },
      aggregationRule: { clusterRoleSelectors: [{ matchLabels: { 'rbac.example.com/aggregate-to-monitoring': 'true' } }] },
      rules: [{ nonResourceURLs: ['/metrics'], verbs: ['get'] }],
    },
  ],
  [
    'rbac.authorization.k8s.io',
    'ClusterRoleBinding',
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: 'monitoring' },
      subjects: [{ kind: 'Group', name: 'ops', apiGroup: 'rbac.authorization.k8s.io' }],
      roleRef: { kind: 'ClusterRole', name: 'monitoring', apiGroup: 'rbac.authorization.k8s.io' },
    },
  ],
  [
    'autoscaling',
    'HorizontalPodAutoscaler',
    {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: meta('web'),
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
        minReplicas: 2,
        maxReplicas: 10,
        metrics: [
          { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } },
          { type: 'ContainerResource', containerResource: { name: 'memory', container: 'web', target: { type: 'AverageValue', averageValue: '500Mi' } } },
          { type: 'Pods', pods: { metric: { name: 'rps' }, target: { type: 'AverageValue', averageValue: '100' } } },
          {
            type: 'Object',
            object: {
              metric: { name: 'requests', selector: { matchLabels: { verb: 'GET' } } },
              describedObject: { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', name: 'web' },
              target: { type: 'Value', value: '10k' },
            },
          },
          { type: 'External', external: { metric: { name: 'queue_depth' }, target: { type: 'Value', value: 30 } } },
        ],
        behavior: {
          scaleDown: { stabilizationWindowSeconds: 300, selectPolicy: 'Min', policies: [{ type: 'Percent', value: 10, periodSeconds: 60 }] },
          scaleUp: { policies: [{ type: 'Pods', value: 4, periodSeconds: 15 }] },
        },
      },
      status: {
        observedGeneration: 1,
        lastScaleTime: '2025-05-01T10:00:00Z',
        currentReplicas: 3,
        desiredReplicas: 4,
        currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 85, averageValue: '425m' } } }],
        conditions: [{ type: 'AbleToScale', status: 'True', lastTransitionTime: '2025-05-01T10:00:00Z', reason: 'SucceededRescale', message: 'ok' }],
      },
    },
  ],
  ['', 'Namespace', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a', labels: { team: 'a' } }, spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } }],
  ['', 'ConfigMap', { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta('web-config'), data: { 'app.yaml': 'a: 1' }, binaryData: { blob: 'AAEC' }, immutable: false }],
  ['', 'Secret', { apiVersion: 'v1', kind: 'Secret', metadata: meta('db'), type: 'Opaque', data: { password: 'czNjcjN0' }, stringData: { user: 'admin' } }],
  ['', 'ServiceAccount', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta('web'), secrets: [{ name: 'web-token' }], imagePullSecrets: [{ name: 'regcred' }], automountServiceAccountToken: true }],
  [
    '',
    'Pod',
    {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: meta('web-7d9f-abcde'),
      spec: { ...podTemplate.spec, nodeName: 'node-1' },
      status: {
        phase: 'Running',
        qosClass: 'Burstable',
        hostIP: '10.0.0.5',
        hostIPs: [{ ip: '10.0.0.5' }],
        podIP: '10.244.1.7',
        podIPs: [{ ip: '10.244.1.7' }],
        startTime: '2025-05-01T10:00:00Z',
        conditions: [{ type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: '2025-05-01T10:00:05Z' }],
        containerStatuses: [
          {
            name: 'web',
            ready: true,
            started: true,
            restartCount: 0,
            image: 'registry.example.com/web:1.2.3',
            imageID: 'registry.example.com/web@sha256:abc',
            containerID: 'containerd://abc',
            state: { running: { startedAt: '2025-05-01T10:00:02Z' } },
            lastState: { terminated: { exitCode: 137, reason: 'OOMKilled', startedAt: '2025-05-01T09:00:00Z', finishedAt: '2025-05-01T09:59:00Z' } },
          },
        ],
      },
    },
  ],
  [
    '',
    'Node',
    {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: 'node-1', labels: { 'kubernetes.io/hostname': 'node-1' } },
      spec: { podCIDR: '10.244.1.0/24', podCIDRs: ['10.244.1.0/24'], taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }], unschedulable: false },
      status: {
        capacity: { cpu: '4', memory: '16Gi', pods: '110' },
        allocatable: { cpu: '3800m', memory: '15Gi', pods: '110' },
        conditions: [{ type: 'Ready', status: 'True', lastHeartbeatTime: '2025-05-01T10:00:00Z', lastTransitionTime: '2025-05-01T09:00:00Z', reason: 'KubeletReady', message: 'ok' }],
        addresses: [{ type: 'InternalIP', address: '10.0.0.5' }, { type: 'Hostname', address: 'node-1' }],
        daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
        nodeInfo: {
          machineID: 'm',
          systemUUID: 's',
          bootID: 'b',
          kernelVersion: '6.1',
          osImage: 'Debian',
          containerRuntimeVersion: 'containerd://1.7',
          kubeletVersion: 'v1.33.1',
          kubeProxyVersion: '',
          operatingSystem: 'linux',
          architecture: 'amd64',
        },
        images: [{ names: ['nginx:1.27'], sizeBytes: 70000000 }],
      },
    },
  ],
  [
    '',
    'Event',
    {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: meta('web.17f'),
      involvedObject: { kind: 'Pod', namespace: 'default', name: 'web', uid: 'u', apiVersion: 'v1', resourceVersion: '1', fieldPath: 'spec.containers{web}' },
      reason: 'Pulled',
      message: 'Successfully pulled image',
      source: { component: 'kubelet', host: 'node-1' },
      firstTimestamp: '2025-05-01T10:00:00Z',
      lastTimestamp: '2025-05-01T10:00:00Z',
      count: 1,
      type: 'Normal',
      eventTime: null,
      reportingComponent: 'kubelet',
      reportingInstance: 'node-1',
    },
  ],
  [
    '',
    'Endpoints',
    {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: meta('web'),
      subsets: [{ addresses: [{ ip: '10.244.1.7', nodeName: 'node-1', targetRef: { kind: 'Pod', name: 'web', namespace: 'default' } }], ports: [{ name: 'http', port: 8080, protocol: 'TCP' }] }],
    },
  ],
  [
    '',
    'PersistentVolume',
    {
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name: 'pv-1' },
      spec: {
        capacity: { storage: '10Gi' },
        accessModes: ['ReadWriteOnce'],
        persistentVolumeReclaimPolicy: 'Retain',
        storageClassName: 'fast',
        volumeMode: 'Filesystem',
        mountOptions: ['hard'],
        csi: { driver: 'ebs.csi.aws.com', volumeHandle: 'vol-1', fsType: 'ext4', volumeAttributes: { a: 'b' } },
        claimRef: { kind: 'PersistentVolumeClaim', namespace: 'default', name: 'web-data' },
        nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] }] } },
      },
      status: { phase: 'Bound' },
    },
  ],
  [
    '',
    'PersistentVolumeClaim',
    {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: meta('web-data'),
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10Gi' } }, storageClassName: 'fast', volumeName: 'pv-1', selector: { matchLabels: { disk: 'ssd' } } },
      status: { phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '10Gi' } },
    },
  ],
  [
    '',
    'ReplicationController',
    { apiVersion: 'v1', kind: 'ReplicationController', metadata: meta('old'), spec: { replicas: 1, selector: { app: 'web' }, template: podTemplate }, status: { replicas: 1, readyReplicas: 1 } },
  ],
  [
    '',
    'LimitRange',
    {
      apiVersion: 'v1',
      kind: 'LimitRange',
      metadata: meta('limits'),
      spec: { limits: [{ type: 'Container', default: { cpu: '500m' }, defaultRequest: { cpu: '100m' }, max: { memory: '2Gi' }, min: { memory: '16Mi' }, maxLimitRequestRatio: { cpu: '4' } }] },
    },
  ],
  [
    '',
    'ResourceQuota',
    {
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: meta('quota'),
      spec: {
        hard: { pods: '10', 'requests.cpu': '4' },
        scopeSelector: { matchExpressions: [{ scopeName: 'PriorityClass', operator: 'In', values: ['high'] }] },
      },
      status: { hard: { pods: '10' }, used: { pods: '3' } },
    },
  ],
  ['', 'PodTemplate', { apiVersion: 'v1', kind: 'PodTemplate', metadata: meta('tmpl'), template: podTemplate }],
  [
    'apps',
    'StatefulSet',
    {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: meta('db'),
      spec: {
        serviceName: 'db',
        replicas: 3,
        podManagementPolicy: 'Parallel',
        selector: { matchLabels: { app: 'db' } },
        template: podTemplate,
        updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0, maxUnavailable: 1 } },
        persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Delete' },
        ordinals: { start: 0 },
        volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
      },
      status: { replicas: 3, readyReplicas: 3, currentRevision: 'db-1', updateRevision: 'db-1', collisionCount: 0, availableReplicas: 3 },
    },
  ],
  [
    'apps',
    'DaemonSet',
    {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: meta('agent'),
      spec: { selector: { matchLabels: { app: 'agent' } }, template: podTemplate, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } } },
      status: { currentNumberScheduled: 2, numberMisscheduled: 0, desiredNumberScheduled: 2, numberReady: 2, updatedNumberScheduled: 2, numberAvailable: 2 },
    },
  ],
  ['apps', 'ReplicaSet', { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: meta('web-7d9f'), spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: podTemplate }, status: { replicas: 3, fullyLabeledReplicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: 1 } }],
  ['apps', 'ControllerRevision', { apiVersion: 'apps/v1', kind: 'ControllerRevision', metadata: meta('db-1'), revision: 1, data: { spec: { template: { whatever: true } } } }],
  [
    'networking.k8s.io',
    'NetworkPolicy',
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: meta('deny'),
      spec: {
        podSelector: { matchLabels: { app: 'db' } },
        policyTypes: ['Ingress', 'Egress'],
        ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }, { ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } }], ports: [{ protocol: 'TCP', port: 5432 }] }],
        egress: [{ to: [{ namespaceSelector: {} }], ports: [{ port: 'dns', protocol: 'UDP', endPort: 60 }] }],
      },
    },
  ],
  ['networking.k8s.io', 'IngressClass', { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'nginx' }, spec: { controller: 'k8s.io/ingress-nginx', parameters: { apiGroup: 'k8s.example.com', kind: 'IngressParameters', name: 'p', scope: 'Cluster' } } }],
  ['storage.k8s.io', 'StorageClass', { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'fast' }, provisioner: 'ebs.csi.aws.com', parameters: { type: 'gp3' }, reclaimPolicy: 'Delete', volumeBindingMode: 'WaitForFirstConsumer', allowVolumeExpansion: true, mountOptions: ['debug'], allowedTopologies: [{ matchLabelExpressions: [{ key: 'zone', values: ['a'] }] }] }],
  ['coordination.k8s.io', 'Lease', { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: meta('leader'), spec: { holderIdentity: 'w-1', leaseDurationSeconds: 15, acquireTime: '2025-05-01T10:00:00.000000Z', renewTime: '2025-05-01T10:00:10.123456Z', leaseTransitions: 2 } }],
  ['autoscaling', 'Scale', { apiVersion: 'autoscaling/v1', kind: 'Scale', metadata: meta('web'), spec: { replicas: 3 }, status: { replicas: 3, selector: 'app=web' } }],
  [
    'discovery.k8s.io',
    'EndpointSlice',
    {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: meta('web-abc'),
      addressType: 'IPv4',
      endpoints: [{ addresses: ['10.244.1.7'], conditions: { ready: true, serving: true, terminating: false }, nodeName: 'node-1', zone: 'a', targetRef: { kind: 'Pod', name: 'web' }, hints: { forZones: [{ name: 'a' }] } }],
      ports: [{ name: 'http', port: 8080, protocol: 'TCP', appProtocol: 'http' }],
    },
  ],
  ['policy', 'PodDisruptionBudget', { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: meta('web'), spec: { minAvailable: '50%', selector: { matchLabels: { app: 'web' } }, unhealthyPodEvictionPolicy: 'AlwaysAllow' }, status: { currentHealthy: 3, desiredHealthy: 2, expectedPods: 3, disruptionsAllowed: 1, observedGeneration: 1, disruptedPods: { 'web-1': '2025-05-01T10:00:00Z' }, conditions: [{ type: 'DisruptionAllowed', status: 'True', reason: 'SufficientPods', message: '', lastTransitionTime: '2025-05-01T10:00:00Z', observedGeneration: 1 }] } }],
  ['scheduling.k8s.io', 'PriorityClass', { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'high' }, value: 1000000, globalDefault: false, description: 'high', preemptionPolicy: 'PreemptLowerPriority' }],
  ['meta.k8s.io', 'DeleteOptions', { kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: 'Foreground', gracePeriodSeconds: 0, preconditions: { uid: 'u', resourceVersion: '5' }, dryRun: ['All'] }],
];

function schema(group: string, kind: string): TypeSchema {
  const s = schemaFor(group, kind);
  if (!s) throw new Error(`no schema for ${group}/${kind}`);
  return s;
}

describe('findUnknownFields', () => {
  it.each(manifests.map(([g, k, m]) => [`${g || 'core'}/${k}`, g, k, m] as const))(
    'reports nothing for a realistic %s',
    (_label, group, kind, manifest) => {
      expect(findUnknownFields(manifest, schema(group, kind))).toEqual([]);
      expect(findTypeErrors(manifest, schema(group, kind))).toEqual([]);
    },
  );

  it('covers every root kind with a realistic manifest', () => {
    const kinds = new Set(manifests.map(([g, k]) => `${g}/${k}`));
    expect(kinds.size).toBe(37);
  });

  it('reports unknown fields at the top level, in metadata and in spec, in document order', () => {
    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      colour: 'blue',
      metadata: { name: 'web', labelz: { a: 'b' } },
      spec: { replicas: 1, replica: 2, template: { spec: { containers: [] } } },
    };
    expect(findUnknownFields(deployment, schema('apps', 'Deployment'))).toEqual(['colour', 'metadata.labelz', 'spec.replica']);
  });

  it('reports fields inside list items with their index, as kube-apiserver does', () => {
    const deployment = {
      spec: {
        template: {
          metadata: { labels: { app: 'web' }, foo: 1 },
          spec: {
            containers: [
              { name: 'a', image: 'nginx' },
              { name: 'b', image: 'nginx', imagePullPolicyy: 'Always', ports: [{ containerPort: 80 }, { containerPort: 81, hostPortt: 1 }] },
            ],
            volumes: [{ name: 'v', configMap: { name: 'c', items: [{ key: 'k', path: 'p', mod: 1 }] } }],
          },
        },
      },
    };
    expect(findUnknownFields(deployment, schema('apps', 'Deployment'))).toEqual([
      'spec.template.metadata.foo',
      'spec.template.spec.containers[1].imagePullPolicyy',
      'spec.template.spec.containers[1].ports[1].hostPortt',
      'spec.template.spec.volumes[0].configMap.items[0].mod',
    ]);
  });

  it('matches field names case-sensitively', () => {
    expect(findUnknownFields({ spec: { Replicas: 1 } }, schema('apps', 'Deployment'))).toEqual(['spec.Replicas']);
  });

  it('accepts the inline fields of embedded structs (volume sources, probe handlers, TypeMeta)', () => {
    const pod = {
      spec: {
        volumes: [{ name: 'a', emptyDir: {} }, { name: 'b', nfs: { server: 's', path: '/' } }],
        containers: [{ name: 'c', livenessProbe: { grpc: { port: 9000 }, exec: { command: ['x'] } } }],
      },
    };
    expect(findUnknownFields(pod, schema('', 'Pod'))).toEqual([]);
  });

  it('reports unknown fields deep in HPA metric lists', () => {
    const hpa = { status: { currentMetrics: [{ resource: { current: { averageUtilisation: 1 } } }] } };
    expect(findUnknownFields(hpa, schema('autoscaling', 'HorizontalPodAutoscaler'))).toEqual([
      'status.currentMetrics[0].resource.current.averageUtilisation',
    ]);
  });

  it('names map entries by key, as the strict decoder does', () => {
    const withMap = obj('x.T', { ports: mapOf(obj('x.P', { port: int32 })) });
    expect(findUnknownFields({ ports: { http: { port: 80, name: 'x' } } }, withMap)).toEqual(['ports.http.name']);
  });

  it('never looks inside free-form subtrees (RawExtension, FieldsV1) or maps of strings', () => {
    const revision = { data: { anything: { goes: [1, 2, { here: true }] } }, metadata: { labels: { 'any.key/here': 'v' } } };
    expect(findUnknownFields(revision, schema('apps', 'ControllerRevision'))).toEqual([]);
  });

  it('keeps unknown fields of preserveUnknownFields objects but still checks their known fields', () => {
    const loose: TypeSchema = { type: 'object', preserveUnknownFields: true, fields: { spec: obj('x.Spec', { a: str }), raw: any } };
    expect(findUnknownFields({ extra: 1, spec: { a: 'x', b: 2 }, raw: { c: 3 } }, loose)).toEqual(['spec.b']);
  });

  it('does not descend into values of the wrong JSON type', () => {
    expect(findUnknownFields({ spec: 'nope', metadata: [{ foo: 1 }] }, schema('apps', 'Deployment'))).toEqual([]);
  });

  it('words the warning as kube-apiserver does', () => {
    expect(unknownFieldMessage('spec.template.spec.containers[0].foo')).toBe('unknown field "spec.template.spec.containers[0].foo"');
  });
});
