/** The package's templates/, compiled when the offline page is made (web/offlineApp.ts generates this module). */
declare module 'tos-filing:templates' {
  const bundle: import('../../platform/browser.ts').BundledTemplates;
  export default bundle;
}
