/** Vite's `?url` imports: the URL of a file of the build, served from the app's origin. */
declare module '*?url' {
  const url: string;
  export default url;
}
