/** Files the renderer imports as URLs (Vite turns them into hashed assets). */
declare module '*.svg' {
  const url: string;
  export default url;
}
