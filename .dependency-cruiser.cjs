/**
 * The direction of imports (../shared/ARCHITECTURE.md): apps/api -> libs/domain <- libs/infrastructure.
 * `npm run check` fails when a file breaks one of these rules.
 */
module.exports = {
  forbidden: [
    {
      name: 'domain-stays-plain',
      comment: 'libs/domain is plain TypeScript: no npm packages and no Node built-ins.',
      severity: 'error',
      from: { path: '^libs/domain/src', pathNot: '\\.spec\\.ts$' },
      to: { dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown', 'core'] },
    },
    {
      name: 'domain-never-reaches-out',
      severity: 'error',
      from: { path: '^libs/domain/src' },
      to: { path: '^(libs/infrastructure|apps|migrations)/' },
    },
    {
      name: 'infrastructure-never-imports-the-api',
      severity: 'error',
      from: { path: '^libs/infrastructure/src' },
      to: { path: '^apps/' },
    },
    {
      name: 'migrations-stand-alone',
      comment: 'A migration must read the same forever: it may not follow domain or app code as they change.',
      severity: 'error',
      from: { path: '^migrations/' },
      to: { path: '^(libs|apps)/' },
    },
    {
      name: 'admin-features-stand-alone',
      comment:
        'apps/admin (bulletproof-react): a feature never imports another feature; what features share lives in ' +
        'components/, hooks/, lib/ or config/, and the app layer (src/app) composes them.',
      severity: 'error',
      from: { path: '^apps/admin/src/features/([^/]+)/' },
      to: { path: '^apps/admin/src/features/', pathNot: '^apps/admin/src/features/$1/' },
    },
    {
      name: 'admin-imports-flow-one-way',
      comment: 'apps/admin: app -> features -> shared code (components, hooks, lib, config), never back.',
      severity: 'error',
      from: { path: '^apps/admin/src/(components|hooks|lib|config|features)/' },
      to: { path: '^apps/admin/src/app/' },
    },
    {
      name: 'admin-shared-code-knows-no-feature',
      severity: 'error',
      from: { path: '^apps/admin/src/(components|hooks|lib|config)/' },
      to: { path: '^apps/admin/src/features/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|\\.data)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
