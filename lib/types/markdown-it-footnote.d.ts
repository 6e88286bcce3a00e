/**
 * markdown-it-footnote ships no types, and the DefinitelyTyped package for
 * it is written against markdown-it's CommonJS typings, which TypeScript
 * holds apart from the ES module ones this project imports. The plugin is
 * all this project calls.
 */
declare module "markdown-it-footnote" {
  import type MarkdownIt from "markdown-it";

  const footnote: (md: MarkdownIt) => void;
  export default footnote;
}
