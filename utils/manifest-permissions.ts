// The permission part of the built manifest, fixed per browser. Used by wxt.config.ts's
// `build:manifestGenerated` hook and tested on its own (tests/unit/manifest-permissions.test.ts)
// and on every built manifest (tests/e2e/manifests.test.ts).
//
// WXT 0.21 deletes `optional_host_permissions` from MV2 builds (it lists the key as MV3-only)
// instead of moving the origins to `optional_permissions`, where MV2 expects them; and it adds the
// matches of runtime-registered content scripts to the required host permissions. Both would
// break the promise "required: storage, scripting, activeTab and the official hosts; anything
// broader optional".

/** The manifest's permission keys, loosely typed (both manifest versions). */
export interface ManifestPermissions {
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  [key: string]: unknown;
}

const uniq = (list: readonly string[]) => [...new Set(list)];

/** Is this permission entry a host pattern (rather than an API permission like `storage`)? */
function isHostPattern(entry: string): boolean {
  return entry === '<all_urls>' || entry.includes('://');
}

/**
 * Fixes the permissions in place (the hook hands us WXT's manifest object) and returns it.
 * - required host access: exactly the official patterns (nothing a runtime script added);
 * - MV2: optional origins move to `optional_permissions` (MV2 has no `optional_host_permissions`).
 */
export function fixManifestPermissions<M extends ManifestPermissions>(
  manifest: M,
  options: { manifestVersion: 2 | 3; officialPatterns: readonly string[] },
): M {
  const official = new Set(options.officialPatterns);
  if (manifest.host_permissions) manifest.host_permissions = manifest.host_permissions.filter((p) => official.has(p));
  if (manifest.permissions) manifest.permissions = manifest.permissions.filter((p) => !isHostPattern(p) || official.has(p));
  if (options.manifestVersion === 2) {
    const optionalHosts = manifest.optional_host_permissions ?? [];
    if (optionalHosts.length > 0) manifest.optional_permissions = uniq([...(manifest.optional_permissions ?? []), ...optionalHosts]);
    delete manifest.optional_host_permissions;
  }
  return manifest;
}

/** What a built manifest grants, split the way the README explains it. */
export function permissionSummary(manifest: ManifestPermissions & { manifest_version?: number }): {
  api: string[];
  hosts: string[];
  optional: string[];
} {
  const required = [...(manifest.permissions ?? []), ...(manifest.host_permissions ?? [])];
  return {
    api: required.filter((p) => !isHostPattern(p)).sort(),
    hosts: required.filter(isHostPattern).sort(),
    optional: [...(manifest.optional_permissions ?? []), ...(manifest.optional_host_permissions ?? [])].sort(),
  };
}
