/** PDF.js and the Japanese character maps (base64 by name), bundled into the offline page's Worker (web/offlineApp.ts). */
declare module 'tos-filing:pdfjs' {
  export const getDocument: (params: Record<string, unknown>) => ReturnType<import('../../platform/host.ts').PdfJs['getDocument']>;
  export const cMaps: Record<string, string>;
}
