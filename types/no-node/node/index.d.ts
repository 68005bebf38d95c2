/**
 * An empty `node` type library, for the programs that must not see Node (tsconfig.core.json,
 * tsconfig.renderer.json point `typeRoots` here). Some packages' declarations start with
 * `/// <reference types="node" />` (docx, @resvg/resvg-js); TypeScript looks a type reference up in `typeRoots`
 * first, so they find this file instead of @types/node, and Node's globals (process, Buffer, require …) stay out
 * of those programs. The packages' own Node-typed members then type-check loosely there; the node and tests
 * programs check the same code against the real @types/node.
 */
export {};
