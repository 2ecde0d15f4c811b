/**
 * The part of Citation.js (`@citation-js/core` 0.8 with its CSL, BibTeX and RIS plugins) that
 * the export uses. The packages ship no types.
 */
declare module '@citation-js/core' {
  export interface CitationEntry {
    id: string;
    locator?: string;
    label?: string;
  }
  export interface FormatOptions {
    format?: 'text' | 'html' | 'object' | 'string';
    template?: string;
    lang?: string;
    entry?: string | string[] | CitationEntry[];
  }
  export class Cite {
    constructor(data: unknown);
    format(kind: 'bibliography' | 'citation' | 'bibtex' | 'ris' | 'data', options?: FormatOptions): string;
  }
  export const plugins: {
    config: {
      get(name: '@csl'): { styles: { add(name: string, xml: string): void; has(name: string): boolean } };
    };
  };
}
declare module '@citation-js/plugin-csl';
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
