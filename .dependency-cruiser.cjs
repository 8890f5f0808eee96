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
