/** Architecture rules from the architecture note: no cycles; ML code never imports the web layer or Prisma. */
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    { name: 'nothing-imports-server', severity: 'error', from: { pathNot: '^src/cli/' }, to: { path: '^src/server\\.ts$' } },
    { name: 'nothing-imports-channels', severity: 'error', from: { pathNot: '^src/(server\\.ts|channels/)' }, to: { path: '^src/channels/' } },
    {
      name: 'ml-stays-pure',
      severity: 'error',
      from: { path: '^src/(nlu|sentiment|recommend|ml)/' },
      to: { path: '^src/(web|channels|store|server)|@prisma|\\.prisma|fastify|socket\\.io' },
    },
    { name: 'inference-does-not-import-training', severity: 'error', from: { path: '^src/nlu/nlu-model\\.ts$' }, to: { path: '^src/nlu/train\\.ts$' } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(node_modules|dist)' },
  },
};
