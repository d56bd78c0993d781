import type { KubeObject } from '../../objects/object-meta';
import { int, list, records, str } from './object.access';

const MAX_SHOWN = 3;

function joinWithMore(shown: string[], total: number, emptyText: string): string {
  const text = shown.join(',');
  if (total > shown.length) return `${text} + ${total - shown.length} more...`;
  return text === '' ? emptyText : text;
}

function hostPort(ip: string, port: number): string {
  return ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`;
}

/** The ENDPOINTS column of an Endpoints object: up to three `ip:port` pairs, then `+ N more...`. */
export function endpointsSummary(endpoints: KubeObject): string {
  const subsets = records(endpoints.subsets);
  if (subsets.length === 0) return '<none>';
  const shown: string[] = [];
  let total = 0;
  for (const subset of subsets) {
    const addresses = records(subset.addresses).map((a) => str(a.ip));
    const ports = records(subset.ports);
    if (ports.length === 0) {
      total += addresses.length;
      for (const ip of addresses) if (shown.length < MAX_SHOWN) shown.push(ip);
      continue;
    }
    for (const port of ports) {
      total += addresses.length;
      for (const ip of addresses) if (shown.length < MAX_SHOWN) shown.push(hostPort(ip, int(port.port)));
    }
  }
  return joinWithMore(shown, total, '');
}

/** The PORTS column of an EndpointSlice: numbers (or names, or `*`), `<unset>` when empty. */
export function endpointSlicePorts(slice: KubeObject): string {
  const ports = records(slice.ports).map((p) =>
    typeof p.port === 'number' ? String(int(p.port)) : typeof p.name === 'string' ? p.name : '*',
  );
  return joinWithMore(ports.slice(0, MAX_SHOWN), ports.length, '<unset>');
}

export function endpointSliceEndpoints(slice: KubeObject): string {
  const addresses = records(slice.endpoints).flatMap((e) => list(e.addresses).map(str));
  return joinWithMore(addresses.slice(0, MAX_SHOWN), addresses.length, '<unset>');
}
