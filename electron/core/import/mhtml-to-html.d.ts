// The part of mhtml-to-html's API the importer uses. The package ships types (lib/mod.d.ts), but
// its package.json "exports" do not name them, so TypeScript cannot find them from the import.
declare module 'mhtml-to-html' {
  export interface Resource {
    id: string;
    contentType: string;
    transferEncoding?: 'base64' | 'quoted-printable' | '7bit' | '8bit';
    data: string;
  }
  export interface MHTML {
    headers: Record<string, string>;
    frames: Record<string, Resource>;
    resources: Record<string, Resource>;
    index: string;
  }
  export interface ConvertConfig {
    enableScripts?: boolean;
    fetchMissingResources?: boolean;
    fetch?: typeof fetch;
  }
  export function parse(data: string | Uint8Array): MHTML;
  export function convert(
    mhtml: MHTML | string | Uint8Array,
    config?: ConvertConfig,
  ): Promise<{ data: string; title?: string }>;
}
