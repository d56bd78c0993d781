/** The wire shape of `k8s.io/apimachinery/pkg/version.Info`, in upstream field order. */
export interface VersionInfo {
  major: string;
  minor: string;
  emulationMajor: string;
  emulationMinor: string;
  minCompatibilityMajor: string;
  minCompatibilityMinor: string;
  gitVersion: string;
  gitCommit: string;
  gitTreeState: string;
  buildDate: string;
  goVersion: string;
  compiler: string;
  platform: string;
}

/** What the build knows about itself; absent fields read like an upstream binary built without ldflags. */
export interface BuildInfo {
  gitCommit?: string;
  gitTreeState?: 'clean' | 'dirty';
  buildDate?: string;
}

export const BUILD_INFO = Symbol('BUILD_INFO');

/**
 * The Kubernetes release whose API Flotilla serves. 1.33 is the release the kubectl contract was measured
 * against (1.32 and 1.33 send identical requests), and the `kubectl` dispatcher on PATH picks its client
 * binary from this answer. The `+flotilla` suffix is semver build metadata, as k3s uses `+k3s1`: it does not
 * lower precedence, so `kubeVersion: ">=1.27.0"` constraints (Helm) still match, where `-flotilla` (a
 * pre-release) would not.
 */
export const KUBERNETES_RELEASE = { major: 1, minor: 33, patch: 1 } as const;
export const GIT_VERSION = `v${KUBERNETES_RELEASE.major}.${KUBERNETES_RELEASE.minor}.${KUBERNETES_RELEASE.patch}+flotilla`;

const GO_ARCH: Record<string, string> = { x64: 'amd64', ia32: '386', arm64: 'arm64', arm: 'arm', ppc64: 'ppc64le', s390x: 's390x' };

/** `linux/amd64` in Go's GOOS/GOARCH spelling. */
export function goPlatform(platform: string = process.platform, arch: string = process.arch): string {
  const os = platform === 'win32' ? 'windows' : platform;
  return `${os}/${GO_ARCH[arch] ?? arch}`;
}

export function versionInfo(build: BuildInfo = {}): VersionInfo {
  const { major, minor } = KUBERNETES_RELEASE;
  return {
    major: String(major),
    minor: String(minor),
    emulationMajor: String(major),
    emulationMinor: String(minor),
    minCompatibilityMajor: String(major),
    minCompatibilityMinor: String(minor - 1),
    gitVersion: GIT_VERSION,
    gitCommit: build.gitCommit ?? '',
    gitTreeState: build.gitTreeState ?? '',
    buildDate: build.buildDate ?? '1970-01-01T00:00:00Z',
    // There is no Go toolchain: report the runtime that actually runs the server.
    goVersion: `node${process.versions.node}`,
    compiler: 'v8',
    platform: goPlatform(),
  };
}
