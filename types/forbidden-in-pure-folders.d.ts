// What the pure folders' typecheck (tsconfig.pure.json) sees instead of React, zustand, D3 and
// Monaco: a module that exports nothing, so any use of them there fails to typecheck
// ("has no exported member"). The pure folders run in Node, a Worker and the CLI.
export {};
