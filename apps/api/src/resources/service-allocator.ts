import { InvalidError, isObject, type KubeObject } from '@flotilla/domain';
import { AllocationRepository } from '@flotilla/persistence';

export const CLUSTER_IP_POOL = 'service-cluster-ip';
export const NODE_PORT_POOL = 'service-node-port';
/** 10.96.0.0/12, the kubeadm default; 10.96.0.1 belongs to the `kubernetes` service. */
const CIDR_BASE = (10 << 24) | (96 << 16);
const CIDR_SIZE = 1 << 20;
const NODE_PORT_MIN = 30000;
const NODE_PORT_MAX = 32767;

interface ServicePort {
  port?: number;
  nodePort?: number;
}

function ipToString(n: number): string {
  return [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

function ipToNumber(ip: string): number | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(ip);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return ((parts[0] << 24) | (parts[1] << 16) | (parts[2] << 8) | parts[3]) >>> 0;
}

export function serviceOwner(namespace: string, name: string): string {
  return `/services/${namespace}/${name}`;
}

/**
 * Hands out cluster IPs and node ports to Services without collisions across API replicas (the allocations table's
 * primary key decides), and releases what an updated Service no longer uses. Deleting a Service releases all of its
 * allocations in the same transaction as the DELETED event.
 */
export class ServiceAllocator {
  constructor(
    private readonly repo: AllocationRepository,
    private readonly random: () => number = Math.random,
  ) {}

  /** Fills spec.clusterIP(s) and nodePorts of `svc` in place; `persist` false only picks free values (dry run). */
  async allocate(svc: KubeObject, persist: boolean): Promise<void> {
    const spec = (svc.spec ?? {}) as Record<string, unknown>;
    const owner = serviceOwner(svc.metadata.namespace ?? '', svc.metadata.name ?? '');
    const name = svc.metadata.name ?? '';
    const type = (spec.type as string | undefined) ?? 'ClusterIP';
    if (type !== 'ExternalName' && spec.clusterIP !== 'None') {
      const requested = typeof spec.clusterIP === 'string' && spec.clusterIP !== '' ? spec.clusterIP : undefined;
      let ip: string;
      if (requested) {
        const n = ipToNumber(requested);
        if (n === undefined || n - CIDR_BASE < 0 || n - CIDR_BASE >= CIDR_SIZE) {
          throw new InvalidError('', 'Service', name, [
            { type: 'FieldValueInvalid', field: 'spec.clusterIPs', detail: `Invalid value: ["${requested}"]: failed to allocate IP ${requested}: the provided IP (${requested}) is not in the valid range. The range of valid IPs is 10.96.0.0/12` },
          ]);
        }
        if (!(await this.take(CLUSTER_IP_POOL, requested, owner, persist))) {
          throw new InvalidError('', 'Service', name, [
            { type: 'FieldValueInvalid', field: 'spec.clusterIPs', detail: `Invalid value: ["${requested}"]: failed to allocate IP ${requested}: provided IP is already allocated` },
          ]);
        }
        ip = requested;
      } else {
        ip = await this.pick(CLUSTER_IP_POOL, owner, persist, () => ipToString(CIDR_BASE + 2 + Math.floor(this.random() * (CIDR_SIZE - 3))));
      }
      spec.clusterIP = ip;
      spec.clusterIPs = [ip];
    }
    if (type === 'NodePort' || type === 'LoadBalancer') {
      const ports = Array.isArray(spec.ports) ? (spec.ports as ServicePort[]) : [];
      for (let i = 0; i < ports.length; i++) {
        const p = ports[i];
        if (!isObject(p)) continue;
        if (typeof p.nodePort === 'number' && p.nodePort !== 0) {
          if (p.nodePort < NODE_PORT_MIN || p.nodePort > NODE_PORT_MAX) {
            throw new InvalidError('', 'Service', name, [
              { type: 'FieldValueInvalid', field: `spec.ports[${i}].nodePort`, detail: `Invalid value: ${p.nodePort}: provided port is not in the valid range. The range of valid ports is ${NODE_PORT_MIN}-${NODE_PORT_MAX}` },
            ]);
          }
          if (!(await this.take(NODE_PORT_POOL, String(p.nodePort), owner, persist))) {
            throw new InvalidError('', 'Service', name, [
              { type: 'FieldValueInvalid', field: `spec.ports[${i}].nodePort`, detail: `Invalid value: ${p.nodePort}: provided port is already allocated` },
            ]);
          }
        } else {
          p.nodePort = Number(await this.pick(NODE_PORT_POOL, owner, persist, () => String(NODE_PORT_MIN + Math.floor(this.random() * (NODE_PORT_MAX - NODE_PORT_MIN + 1))), ports.map((q) => String(q.nodePort))));
        }
      }
    }
    svc.spec = spec;
  }

  /** Releases what `svc` holds but no longer uses (after an update that changed type or ports). */
  async releaseUnused(svc: KubeObject): Promise<void> {
    const owner = serviceOwner(svc.metadata.namespace ?? '', svc.metadata.name ?? '');
    const spec = (svc.spec ?? {}) as { clusterIP?: string; ports?: ServicePort[] };
    const held = await this.repo.ownedBy(owner);
    const ips = held.filter((h) => h.pool === CLUSTER_IP_POOL && h.value !== spec.clusterIP).map((h) => h.value);
    const inUse = new Set((spec.ports ?? []).map((p) => String(p.nodePort)));
    const ports = held.filter((h) => h.pool === NODE_PORT_POOL && !inUse.has(h.value)).map((h) => h.value);
    await this.repo.release(owner, CLUSTER_IP_POOL, ips);
    await this.repo.release(owner, NODE_PORT_POOL, ports);
  }

  async releaseAll(svc: KubeObject): Promise<void> {
    const owner = serviceOwner(svc.metadata.namespace ?? '', svc.metadata.name ?? '');
    const held = await this.repo.ownedBy(owner);
    for (const pool of [CLUSTER_IP_POOL, NODE_PORT_POOL]) {
      await this.repo.release(owner, pool, held.filter((h) => h.pool === pool).map((h) => h.value));
    }
  }

  private async take(pool: string, value: string, owner: string, persist: boolean): Promise<boolean> {
    return persist ? this.repo.claim(pool, value, owner) : !(await this.repo.isTaken(pool, value));
  }

  private async pick(pool: string, owner: string, persist: boolean, candidate: () => string, avoid: string[] = []): Promise<string> {
    for (let attempt = 0; attempt < 100; attempt++) {
      const value = candidate();
      if (avoid.includes(value)) continue;
      if (await this.take(pool, value, owner, persist)) return value;
    }
    throw new InvalidError('', 'Service', '', [{ type: 'FieldValueInvalid', field: 'spec', detail: `Internal error: range of ${pool} is full` }]);
  }
}
