/** A text file Vite bundles as a string (`?raw`): the accessibility statement, kept in docs/. */
declare module '*.md?raw' {
  const text: string;
  export default text;
}
