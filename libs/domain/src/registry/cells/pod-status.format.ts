import type { KubeObject } from '../../objects/object-meta';
import type { TableRowCondition } from '../resource-type';
import { humanDuration, parseTime } from './age.format';
import { bool, int, type Json, rec, records, str } from './object.access';

export interface PodSummary {
  /** `ready/total` containers. */
  ready: string;
  /** The STATUS column. */
  status: string;
  /** The RESTARTS column, e.g. `3 (5m ago)`. */
  restarts: string;
}

/** Upstream's node lifecycle controller sets this reason on pods of an unreachable node. */
const NODE_LOST_REASON = 'NodeLost';

/** The READY, STATUS and RESTARTS cells of a pod, following kube-apiserver's pod printer. */
export function summarizePod(pod: KubeObject, now: Date): PodSummary {
  const spec = rec(pod.spec);
  const status = rec(pod.status);
  const phase = str(status.phase);
  const conditions = records(status.conditions);
  const initSpecs = records(spec.initContainers);
  const restartableInit = new Set(initSpecs.filter((c) => c.restartPolicy === 'Always').map((c) => str(c.name)));

  let reason = str(status.reason) || phase;
  if (conditions.some((c) => c.type === 'PodScheduled' && c.reason === 'SchedulingGated')) reason = 'SchedulingGated';

  const totalContainers = records(spec.containers).length + restartableInit.size;
  let readyContainers = 0;
  let restarts = 0;
  let sidecarRestarts = 0;
  let lastRestart: number | undefined;
  let lastSidecarRestart: number | undefined;

  let initializing = false;
  const initStatuses = records(status.initContainerStatuses);
  for (let i = 0; i < initStatuses.length; i++) {
    const cs = initStatuses[i];
    const finished = lastTerminationTime(cs);
    restarts += int(cs.restartCount);
    lastRestart = later(lastRestart, finished);
    const isSidecar = restartableInit.has(str(cs.name));
    if (isSidecar) {
      sidecarRestarts += int(cs.restartCount);
      lastSidecarRestart = later(lastSidecarRestart, finished);
    }
    const state = rec(cs.state);
    const terminated = state.terminated === undefined ? undefined : rec(state.terminated);
    const waiting = state.waiting === undefined ? undefined : rec(state.waiting);
    if (terminated && int(terminated.exitCode) === 0) continue;
    if (isSidecar && bool(cs.started)) {
      if (bool(cs.ready)) readyContainers++;
      continue;
    }
    if (terminated) {
      reason = terminated.reason ? `Init:${str(terminated.reason)}` : `Init:${exitDescription(terminated)}`;
    } else if (waiting && str(waiting.reason) !== '' && waiting.reason !== 'PodInitializing') {
      reason = `Init:${str(waiting.reason)}`;
    } else {
      reason = `Init:${i}/${initSpecs.length}`;
    }
    initializing = true;
    break;
  }

  if (!initializing || conditionTrue(conditions, 'Initialized')) {
    restarts = sidecarRestarts;
    lastRestart = lastSidecarRestart;
    let hasRunning = false;
    const statuses = records(status.containerStatuses);
    // Walked backwards so that the first container's state decides the reason.
    for (let i = statuses.length - 1; i >= 0; i--) {
      const cs = statuses[i];
      restarts += int(cs.restartCount);
      lastRestart = later(lastRestart, lastTerminationTime(cs));
      const state = rec(cs.state);
      const waiting = state.waiting === undefined ? undefined : rec(state.waiting);
      const terminated = state.terminated === undefined ? undefined : rec(state.terminated);
      if (waiting && str(waiting.reason) !== '') {
        reason = str(waiting.reason);
      } else if (terminated && str(terminated.reason) !== '') {
        reason = str(terminated.reason);
      } else if (terminated) {
        reason = exitDescription(terminated);
      } else if (bool(cs.ready) && state.running !== undefined) {
        hasRunning = true;
        readyContainers++;
      }
    }
    if (reason === 'Completed' && hasRunning) {
      reason = conditions.some((c) => c.type === 'Ready' && c.status === 'True') ? 'Running' : 'NotReady';
    }
  }

  if (pod.metadata.deletionTimestamp && status.reason === NODE_LOST_REASON) {
    reason = 'Unknown';
  } else if (pod.metadata.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed') {
    reason = 'Terminating';
  }

  let restartsText = String(restarts);
  if (restarts !== 0 && lastRestart !== undefined) {
    restartsText = `${restarts} (${humanDuration(now.getTime() - lastRestart)} ago)`;
  }
  return { ready: `${readyContainers}/${totalContainers}`, status: reason, restarts: restartsText };
}

/** `x/y` readiness gates whose condition is True, `<none>` when the pod declares none. */
export function readinessGates(pod: KubeObject): string {
  const gates = records(rec(pod.spec).readinessGates);
  if (gates.length === 0) return '<none>';
  const conditions = records(rec(pod.status).conditions);
  const passed = gates.filter((g) => conditions.find((c) => c.type === g.conditionType)?.status === 'True').length;
  return `${passed}/${gates.length}`;
}

export function podIP(pod: KubeObject): string {
  const status = rec(pod.status);
  const ips = records(status.podIPs);
  return ips.length > 0 ? str(ips[0].ip) : str(status.podIP);
}

export function podRowConditions(pod: KubeObject): TableRowCondition[] | undefined {
  switch (rec(pod.status).phase) {
    case 'Succeeded':
      return [{ type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' }];
    case 'Failed':
      return [{ type: 'Completed', status: 'True', reason: 'Failed', message: 'The pod failed.' }];
    default:
      return undefined;
  }
}

function exitDescription(terminated: Json): string {
  const signal = int(terminated.signal);
  return signal !== 0 ? `Signal:${signal}` : `ExitCode:${int(terminated.exitCode)}`;
}

function lastTerminationTime(containerStatus: Json): number | undefined {
  const terminated = rec(rec(containerStatus.lastState).terminated);
  return parseTime(terminated.finishedAt);
}

function later(a: number | undefined, b: number | undefined): number | undefined {
  if (b === undefined) return a;
  return a === undefined || b > a ? b : a;
}

function conditionTrue(conditions: Json[], type: string): boolean {
  return conditions.find((c) => c.type === type)?.status === 'True';
}
