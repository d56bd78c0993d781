interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
}

/** Where a function's code lives, in the words the docs use. */
export function areaOf(url: string, fn: string): string {
  if (fn === '(garbage collector)') return 'garbage collection';
  if (fn === '(idle)') return 'idle';
  if (fn === '(program)') return 'V8/native (program)';
  if (fn === 'writev' && url === '') return 'socket writes (writev)';
  if (url.includes('/node_modules/pg')) return 'pg driver';
  if (url.includes('/node_modules/kysely')) return 'kysely';
  if (url.includes('/node_modules/@nestjs') || url.includes('/node_modules/express') || url.includes('/node_modules/router') || url.includes('/node_modules/body-parser')) return 'Nest/Express';
  if (url.includes('/node_modules/ws/')) return 'ws (WebSocket framing)';
  if (url.includes('/node_modules/')) return 'other packages';
  if (url.includes('/libs/domain/')) return 'libs/domain (defaulting, validation)';
  if (url.includes('/libs/persistence/src/watch')) return 'libs/persistence (watch hub)';
  if (url.includes('/libs/persistence/')) return 'libs/persistence (store)';
  if (url.includes('/apps/api/src/websocket/') || url.includes('/apps/api/src/resources/watch-')) return 'apps/api (watch streamer, sockets)';
  if (url.includes('/apps/api/')) return 'apps/api (request pipeline)';
  if (url.startsWith('node:') || url === '') return fn.startsWith('JSON') || fn === 'parse' || fn === 'stringify' ? 'JSON' : 'Node core (http, tls, streams)';
  return 'other';
}

/** A profile's self time in samples, by area and by function (`name path:line`), and its sampling interval in µs. */
export function selfTimes(profile: CpuProfile): { byArea: Map<string, number>; byFunction: Map<string, number>; samples: number; microsPerSample: number } {
  const samples = profile.nodes.reduce((s, n) => s + (n.hitCount ?? 0), 0) || 1;
  const byArea = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const n of profile.nodes) {
    const hits = n.hitCount ?? 0;
    if (hits === 0) continue;
    const { functionName, url, lineNumber } = n.callFrame;
    const a = areaOf(url, functionName);
    byArea.set(a, (byArea.get(a) ?? 0) + hits);
    const where = url ? `${url.replace(/^.*\/(node_modules|apps|libs)\//, '$1/')}:${lineNumber + 1}` : '';
    const label = `${functionName || '(anonymous)'} ${where}`.trim();
    byFunction.set(label, (byFunction.get(label) ?? 0) + hits);
  }
  return { byArea, byFunction, samples, microsPerSample: (profile.endTime - profile.startTime) / samples };
}

/** A text summary of a V8 CPU profile: self time by area and the hottest functions. */
export function summarizeProfile(profile: unknown, top = 25): string {
  const p = profile as CpuProfile;
  const { byArea, byFunction, samples } = selfTimes(p);
  const pct = (h: number) => `${((100 * h) / samples).toFixed(1).padStart(5)} %`;
  const lines = [`CPU profile of the API process, ${((p.endTime - p.startTime) / 1e6).toFixed(1)} s, ${samples} samples`, '', 'self time by area:'];
  for (const [a, h] of [...byArea].sort((x, y) => y[1] - x[1])) lines.push(`  ${pct(h)}  ${a}`);
  lines.push('', `top ${top} functions by self time:`);
  for (const [f, h] of [...byFunction].sort((x, y) => y[1] - x[1]).slice(0, top)) lines.push(`  ${pct(h)}  ${f}`);
  return lines.join('\n') + '\n';
}
