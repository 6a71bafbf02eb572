// A file imported with `?raw` is its text (esbuild's text loader in scripts/build.mjs; Vitest's own).
declare module '*?raw' {
  const text: string;
  export default text;
}
