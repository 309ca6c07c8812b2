/*
 * graphql-ws publishes its ws adapter as the subpath export `graphql-ws/use/ws`, which Node's
 * require resolves; the server's TypeScript settings (moduleResolution "node") do not read
 * `exports`, so this points the types at the same file.
 */
declare module 'graphql-ws/use/ws' {
  export * from 'graphql-ws/dist/use/ws';
}
