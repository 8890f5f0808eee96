/**
 * Every cache key in one place, so a mutation in one feature can refresh what another shows (a user's actions
 * change the users list and the audit log) without importing that feature.
 */
export const queryKeys = {
  session: ['session'] as const,
  stats: (range: { from: string; to: string }) => ['stats', range] as const,
  users: {
    all: ['users'] as const,
    list: (filter: object) => ['users', 'list', filter] as const,
    dryRun: (filter: object) => ['users', 'bulk-dry-run', filter] as const,
    detail: (id: string) => ['users', 'detail', id] as const,
  },
  audit: {
    all: ['audit'] as const,
    list: (filter: object) => ['audit', 'list', filter] as const,
  },
  staff: {
    all: ['staff'] as const,
  },
};
