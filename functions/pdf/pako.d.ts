/** The one function of pako, pdf-lib's deflate library, that native-deflate.ts replaces. */
declare module 'pako' {
  const pako: { deflate(data: Uint8Array): Uint8Array };
  export default pako;
}
