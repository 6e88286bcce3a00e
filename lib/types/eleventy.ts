/**
 * The slice of Eleventy's configuration API this project uses. Eleventy ships
 * JavaScript with JSDoc rather than declarations, so we state the contract we
 * rely on here and let tsc hold every plugin to it.
 * https://www.11ty.dev/docs/config/
 */
export interface EleventyPage {
  url: string | false;
  inputPath: string;
  outputPath: string | false;
  date: Date;
}

export interface CollectionItem<Data = Record<string, unknown>> {
  url: string;
  inputPath: string;
  date: Date;
  data: Data & { page: EleventyPage };
  /** Rendered HTML of the template (without layout). */
  content: string;
}

export interface CollectionApi {
  getAll(): CollectionItem[];
}

export interface EventArguments {
  directories: { input: string; output: string; includes: string; data: string; layouts?: string };
  runMode: "build" | "watch" | "serve";
  outputMode: "fs" | "json" | "ndjson";
  /** eleventy.after only: what each template wrote. */
  results?: Array<{ inputPath: string; outputPath: string | false; url: string | false; content: string }>;
}

export interface EleventyConfig {
  addPlugin<Options>(plugin: (config: EleventyConfig, options: Options) => void | Promise<void>, options?: Options): void;
  addFilter(name: string, filter: (...args: never[]) => unknown): void;
  addAsyncFilter(name: string, filter: (...args: never[]) => Promise<unknown>): void;
  addCollection(name: string, build: (api: CollectionApi) => unknown): void;
  addGlobalData(name: string, value: unknown): void;
  addPassthroughCopy(paths: string | Record<string, string>): void;
  /** A file or folder whose changes rebuild the live preview, as templates do. */
  addWatchTarget(target: string, options?: { resetConfig?: boolean }): void;
  /** https://www.11ty.dev/docs/languages/custom/ */
  addExtension(
    extension: string,
    options: {
      read: boolean;
      getData: (inputPath: string) => Record<string, unknown>;
      compile: (content: string, inputPath: string) => () => string;
      compileOptions: { cache: boolean };
    },
  ): void;
  on(event: "eleventy.before" | "eleventy.after", listener: (args: EventArguments) => unknown): void;
  /** Watch mode, before each rebuild: the changed files, as `./posts/a.md`. https://www.11ty.dev/docs/events/#eleventy.beforewatch */
  on(event: "eleventy.beforeWatch", listener: (changedFiles: string[]) => unknown): void;
  ignores: Set<string> & { add(glob: string): unknown };
  setServerOptions(options: Record<string, unknown>): void;
  setChokidarConfig(options: Record<string, unknown>): void;
  addNunjucksGlobal(name: string, value: unknown): void;
}
