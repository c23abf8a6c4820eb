/**
 * Layer rules (DESIGN.md section 2): imports point down only, each layer is entered through its index.ts,
 * no cycles, and nothing below store/ reaches the DOM or React.
 */
const LAYERS = ['lib', 'kernel', 'docker', 'shell', 'sim', 'lessons', 'store', 'ui', 'cli'];
// What each layer may import (besides itself).
const ALLOWED = {
  lib: [],
  kernel: ['lib'],
  docker: ['kernel', 'lib'],
  shell: ['docker', 'kernel', 'lib'],
  sim: ['shell', 'docker', 'kernel', 'lib'],
  lessons: ['sim', 'lib'],
  store: ['sim', 'lessons', 'lib'],
  ui: ['store', 'sim', 'lessons', 'lib'],
  cli: ['sim', 'shell', 'lib'],
};

const forbidden = [];
for (const layer of LAYERS) {
  const banned = LAYERS.filter((l) => l !== layer && !ALLOWED[layer].includes(l));
  if (banned.length === 0) continue;
  forbidden.push({
    name: `layer-${layer}-imports-down-only`,
    comment: `src/${layer} may import only ${ALLOWED[layer].join(', ') || 'nothing'} (DESIGN.md section 2)`,
    severity: 'error',
    from: { path: `^src/${layer}/` },
    to: { path: `^src/(${banned.join('|')})/` },
  });
}

module.exports = {
  forbidden: [
    ...forbidden,
    {
      name: 'enter-layers-through-index',
      comment: 'Cross-layer imports go through the layer index.ts (DESIGN.md section 2)',
      severity: 'error',
      from: { path: '^src/([^/]+)/' },
      to: {
        path: '^src/([^/]+)/.+',
        pathNot: ['^src/$1/', '^src/[^/]+/index\\.tsx?$'],
      },
    },
    {
      name: 'no-circular',
      comment: 'No import cycles (DESIGN.md section 2)',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-react-below-ui',
      comment: 'Only ui/ renders: React, xyflow and xterm stay out of the model layers (DESIGN.md section 2)',
      severity: 'error',
      from: { path: '^src/(lib|kernel|docker|shell|sim|lessons|store|cli)/' },
      to: { path: '(^|/)node_modules/(react|react-dom|@xyflow|@xterm|react-i18next)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.test\\.tsx?$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.app.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
};
