// The Redis store's atomic steps, as Lua scripts run with EVAL: the store's own clock (TIME) dates claims, and a
// write checks the record's owner in the same step, so two servers can never interleave a check and a write.
// Only pending claims are decoded and re-encoded here (small, flat); a result is stored as the JSON text it came as.

/** The store's clock in ms, from Redis TIME (seconds, microseconds). */
const NOW = "local t = redis.call('TIME'); local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)";

/** Dates a pending record: `claimedAt` now, `deadline` now + ARGV[pendingMs]. */
const STAMP = `local function stamp(text, pendingMs)
  local record = cjson.decode(text)
  record['claimedAt'] = now
  record['deadline'] = now + tonumber(pendingMs)
  return cjson.encode(record)
end`;

/** The stored record's owner, '' for a record written before owners existed, or nil when the record is unreadable. */
const OWNER = `local function ownerOf(text)
  local ok, record = pcall(cjson.decode, text)
  if not ok or type(record) ~= 'table' then return nil end
  if type(record['owner']) == 'string' then return record['owner'] end
  return ''
end`;

/** KEYS[1] order; ARGV: pending record JSON, pendingMs, keepMs. Returns {1, now} when claimed, else {0, now, stored}. */
export const CLAIM = `${NOW}
${STAMP}
if redis.call('SET', KEYS[1], stamp(ARGV[1], ARGV[2]), 'NX', 'PX', ARGV[3]) then return {1, now} end
return {0, now, redis.call('GET', KEYS[1])}`;

/** KEYS[1] order. Returns {now, stored} (stored absent when there is none). */
export const GET = `${NOW}
return {now, redis.call('GET', KEYS[1])}`;

/**
 * KEYS[1] order; ARGV: expected owner, record JSON, 'pending' or '', pendingMs, keepMs.
 * Returns 1 written, 0 not owned (or gone), -1 the stored record is unreadable.
 */
export const SAVE = `${NOW}
${STAMP}
${OWNER}
local current = redis.call('GET', KEYS[1])
if not current then return 0 end
local owner = ownerOf(current)
if owner == nil then return -1 end
if owner ~= ARGV[1] then return 0 end
local value = ARGV[2]
if ARGV[3] == 'pending' then value = stamp(value, ARGV[4]) end
redis.call('SET', KEYS[1], value, 'PX', ARGV[5])
return 1`;

/** KEYS[1] order; ARGV: expected owner. Returns 1 deleted, 0 not owned (or gone), -1 the stored record is unreadable. */
export const RELEASE = `${OWNER}
local current = redis.call('GET', KEYS[1])
if not current then return 0 end
local owner = ownerOf(current)
if owner == nil then return -1 end
if owner ~= ARGV[1] then return 0 end
redis.call('DEL', KEYS[1])
return 1`;
