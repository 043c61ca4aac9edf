// pg is not a dependency of voucherkit: the slice of @types/pg (8.x) the Postgres recipe uses.
declare module 'pg' {
  export interface QueryResult<R> {
    rows: R[];
    rowCount: number | null;
  }
  export class Pool {
    query<R = any>(text: string, values?: unknown[]): Promise<QueryResult<R>>;
  }
}
