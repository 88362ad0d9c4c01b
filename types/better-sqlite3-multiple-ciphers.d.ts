// The package ships its typings outside its "exports", so TypeScript cannot find them; its API
// is better-sqlite3's (plus key/rekey, which LinkDesk sets through pragmas).
declare module 'better-sqlite3-multiple-ciphers' {
  import Database = require('better-sqlite3');
  export = Database;
}
