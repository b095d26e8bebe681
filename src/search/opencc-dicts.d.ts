// opencc-js ships its tables as modules without type declarations: each default-exports one table
// as a string ("繁 简|…").
declare module 'opencc-js/dict/*' {
  const table: string;
  export default table;
}
