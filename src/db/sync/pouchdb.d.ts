// The part of PouchDB's API this code uses (the packages ship no types). pouchdb-browser is the app's client;
// pouchdb-core with the memory adapter is a real PouchDB in Node for the bridge's unit tests.
declare module 'pouchdb-browser' {
  const PouchDB: {
    // biome-ignore lint/suspicious/noExplicitAny: the engine types what it uses through PouchLike
    new (name: string, options?: object): any;
    fetch(url: string, options?: RequestInit): Promise<Response>;
  };
  export default PouchDB;
}

declare module 'pouchdb-core' {
  interface PouchStatic {
    // biome-ignore lint/suspicious/noExplicitAny: the tests type what they use through PouchLike
    new (name: string, options?: object): any;
    plugin(plugin: unknown): PouchStatic;
  }
  const PouchDB: PouchStatic;
  export default PouchDB;
}

declare module 'pouchdb-adapter-memory' {
  const plugin: unknown;
  export default plugin;
}

declare module 'pouchdb-replication' {
  const plugin: unknown;
  export default plugin;
}
