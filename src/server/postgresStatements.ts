// The Postgres store's statements. Each write is one statement that checks the owner itself (UPDATE/DELETE … WHERE
// owner = $n), so two servers can never interleave a check and a write; the database clock (now()) dates claims.
// Every value is a parameter; the only text put into SQL is the table name, checked by tableName() first.

/** The table the store uses unless told otherwise. */
export const DEFAULT_POSTGRES_TABLE = 'voucherkit_redeem_records';

// Lower case only, so a name means the same quoted (as here) and unquoted (in the operator's own SQL); the index
// name, `<table>_keep_until`, must stay within PostgreSQL's 63 bytes.
const PART = /^[a-z_][a-z0-9_]{0,51}$/;

/** A checked table name, `name` or `schema.name`, each part quoted (a reserved word such as `order` works too). */
export interface TableName {
  /** `"schema"."name"`, ready for SQL. */
  sql: string;
  /** `"name_keep_until"`: the retention index (created in the table's schema). */
  index: string;
}

/** Checks `table` is a plain SQL identifier, optionally schema-qualified; anything else is a TypeError, never SQL. */
export function tableName(where: string, table: string): TableName {
  const parts = typeof table === 'string' ? table.split('.') : [];
  if (parts.length < 1 || parts.length > 2 || !parts.every((part) => PART.test(part))) {
    throw new TypeError(
      `${where}: table must be a lower-case SQL identifier (letters, digits, _; at most 52 characters), optionally schema-qualified as schema.table, got ${JSON.stringify(table)}`,
    );
  }
  return { sql: parts.map((part) => `"${part}"`).join('.'), index: `"${parts[parts.length - 1]}_keep_until"` };
}

/**
 * The table and its retention index, idempotent. `owner` is the column every save and release checks; `record` is
 * the RedeemRecord as JSON (a pending one dated by the database clock); a row past `keep_until` reads as gone.
 */
export function schemaSql(table: TableName): string {
  return `CREATE TABLE IF NOT EXISTS ${table.sql} (
  order_id   text PRIMARY KEY,
  owner      text NOT NULL,
  record     jsonb NOT NULL,
  keep_until timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS ${table.index} ON ${table.sql} (keep_until);`;
}

/** The database clock in ms since the epoch. */
const NOW_MS = 'floor(extract(epoch FROM now()) * 1000)::bigint';

/** The record with `claimedAt` and `deadline` from the database clock; $pendingMs is the claim's window. */
const stamped = (record: string, pendingMs: string) =>
  `(${record} || jsonb_build_object('claimedAt', ${NOW_MS}, 'deadline', ${NOW_MS} + ${pendingMs}::text::bigint))`;

const keepUntil = (keepMs: string) => `now() + ${keepMs}::text::bigint * interval '1 millisecond'`;

/**
 * The SQL twin of parseStoredRecord: a write touches only a record it could read back, so a corrupt row is kept
 * as it is (and reported) instead of being overwritten or freed by whoever holds its owner.
 */
const READABLE = `jsonb_typeof(record) = 'object'
  AND jsonb_typeof(record -> 'fingerprint') = 'string'
  AND coalesce(jsonb_typeof(record -> 'owner'), 'string') = 'string'
  AND CASE record ->> 'state'
    WHEN 'pending' THEN true
    WHEN 'redeemed' THEN coalesce(jsonb_typeof(record -> 'result' -> 'redemptions') = 'array', false)
    WHEN 'unknown' THEN coalesce(jsonb_typeof(record -> 'error' -> 'message') = 'string', false)
    ELSE false
  END`;

/** The statements of one table. Values are always text, cast in SQL, so pg and postgres.js send them alike. */
export interface PostgresStatements {
  /** $1 order, $2 owner, $3 record JSON, $4 pendingMs, $5 keepMs. A row back: claimed. A row past keep_until is replaced. */
  claim: string;
  /** $1 order. owner, record (text), now_ms: the live row, if any, and the database clock. */
  get: string;
  /** $1 order, $2 expected owner, $3 new owner, $4 record JSON, $5 'pending' or '', $6 pendingMs, $7 keepMs. A row back: written. */
  save: string;
  /** $1 order, $2 expected owner. A row back: deleted. */
  release: string;
}

export function statements(table: TableName): PostgresStatements {
  const t = table.sql;
  return {
    claim: `INSERT INTO ${t} AS current (order_id, owner, record, keep_until)
VALUES ($1::text, $2::text, ${stamped('$3::text::jsonb', '$4')}, ${keepUntil('$5')})
ON CONFLICT (order_id) DO UPDATE SET owner = EXCLUDED.owner, record = EXCLUDED.record, keep_until = EXCLUDED.keep_until
  WHERE current.keep_until <= now()
RETURNING order_id`,
    get: `SELECT owner, record::text AS record, ${NOW_MS}::text AS now_ms FROM ${t} WHERE order_id = $1::text AND keep_until > now()`,
    save: `UPDATE ${t} SET owner = $3::text,
  record = CASE WHEN $5::text = 'pending' THEN ${stamped('$4::text::jsonb', '$6')} ELSE $4::text::jsonb END,
  keep_until = ${keepUntil('$7')}
WHERE order_id = $1::text AND owner = $2::text AND keep_until > now() AND ${READABLE}
RETURNING order_id`,
    release: `DELETE FROM ${t} WHERE order_id = $1::text AND owner = $2::text AND keep_until > now() AND ${READABLE} RETURNING order_id`,
  };
}
