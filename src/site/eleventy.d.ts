// Eleventy 3 ships JavaScript without declarations; these are the parts this project uses.
declare module '@11ty/eleventy' {
  export interface EleventyConfig {
    addGlobalData(name: string, value: unknown): void;
    addFilter(name: string, filter: (...args: never[]) => unknown): void;
    addPlugin(plugin: unknown, options?: Record<string, unknown>): void;
    addPassthroughCopy(paths: Record<string, string>): void;
    addExtension(
      extension: string,
      options: {
        key?: string;
        compileOptions?: { cache?: boolean; permalink?: boolean };
        compile?: (source: string, inputPath: string) => (data: object) => Promise<string>;
      },
    ): void;
    on(event: 'eleventy.engine.njk', listener: (engine: NunjucksEngine) => void): void;
    setNunjucksEnvironmentOptions(options: Record<string, unknown>): void;
    setQuietMode(quiet: boolean): void;
    setInputDirectory(dir: string): void;
    setIncludesDirectory(dir: string): void;
    setDataDirectory(dir: string): void;
    setTemplateFormats(formats: string[]): void;
  }

  export interface EleventyOptions {
    /** `false`: no configuration file; the `config` callback is the whole configuration. */
    configPath?: string | false;
    quietMode?: boolean;
    pathPrefix?: string;
    /** Programmatic configuration, run before Eleventy reads its templates. */
    config?: (config: EleventyConfig) => void | Promise<void>;
  }

  export default class Eleventy {
    constructor(input: string, output: string, options?: EleventyOptions);
    write(): Promise<unknown>;
    /** Silences Eleventy's console output, errors included (they still reject `write()`). */
    disableLogger(): void;
  }

  export const HtmlBasePlugin: unknown;

  /** What Eleventy's `eleventy.engine.njk` event hands over: the Nunjucks library and its environment. */
  export interface NunjucksEngine {
    nunjucks: {
      Template: new (
        source: string,
        environment: unknown,
        path: string,
        eagerCompile: boolean,
      ) => {
        render(data: object, callback: (error: Error | null, html: string | null) => void): void;
      };
    };
    environment: unknown;
  }
}
