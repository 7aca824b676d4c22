declare module 'pako' {
  const pako: { deflate(data: Uint8Array): Uint8Array };
  export default pako;
}
