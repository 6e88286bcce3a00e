// Loaded with `node --import` before anything else. Node >= 22.18 strips
// TypeScript types natively, so the .ts modules in lib/ run as they are; older
// Node (this repository still supports Node 20) gets tsx's loader instead.
// tsconfig's erasableSyntaxOnly keeps the code inside what both accept.
if (!process.features.typescript) {
  const { register } = await import("tsx/esm/api");
  register();
}
