package redistier

import "github.com/redis/go-redis/v9"

// Every script runs atomically in the server. Keys of other entries of the
// same function (evicted ones) are built inside the scripts from the prefix,
// which is fine for a single server and keeps them in the function's slot.

// luaDrop deletes one entry (manifest and chunks) and its index members.
// delay > 0 leaves the chunks to expire after delay ms instead, for readers
// still fetching them.
const luaDrop = `
local function chunks(prefix, member, gen, n, delay)
  for i = 0, n - 1 do
    local k = prefix .. ':c:' .. member .. ':' .. gen .. ':' .. i
    if delay then redis.call('PEXPIRE', k, delay) else redis.call('UNLINK', k) end
  end
end
local function drop(prefix, member, idx, exp)
  local mk = prefix .. ':m:' .. member
  local ok, m = pcall(redis.call, 'HMGET', mk, 'gen', 'n')
  if ok and m[1] then chunks(prefix, member, m[1], tonumber(m[2]) or 0, nil) end
  redis.call('UNLINK', mk)
  redis.call('ZREM', idx, member)
  redis.call('ZREM', exp, member)
end
local function prune(idx, exp, now)
  local gone = redis.call('ZRANGEBYSCORE', exp, '-inf', now)
  for _, m in ipairs(gone) do
    redis.call('ZREM', idx, m)
    redis.call('ZREM', exp, m)
  end
end
`

// commitScript publishes an entry whose chunks are written.
//
// KEYS: manifest, idx, exp, lock, chunk keys...
// ARGV: prefix, member, now ms, ttl ms (0: none), grace ms, max entries
// (0: none), fence (0: no lease), lock token, then the manifest fields
// v, gen, size, n, cs, sum, fence, ms, d.
var commitScript = redis.NewScript(luaDrop + `
local prefix, member, now = ARGV[1], ARGV[2], tonumber(ARGV[3])
local ttl, grace, max, fence = tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6]), tonumber(ARGV[7])
if fence > 0 then
  local holder = redis.call('GET', KEYS[4])
  if holder and holder ~= ARGV[8] then return {'stale', 0} end
  local ok, old = pcall(redis.call, 'HGET', KEYS[1], 'fence')
  if ok and old and (tonumber(old) or 0) > fence then return {'stale', 0} end
end
for i = 5, #KEYS do
  if redis.call('EXISTS', KEYS[i]) == 0 then return {'lost', 0} end
end
local ok, old = pcall(redis.call, 'HMGET', KEYS[1], 'gen', 'n')
if ok and old[1] and old[1] ~= ARGV[10] then chunks(prefix, member, old[1], tonumber(old[2]) or 0, grace) end
redis.call('DEL', KEYS[1])
local fields = {'v', ARGV[9], 'gen', ARGV[10], 'size', ARGV[11], 'n', ARGV[12], 'cs', ARGV[13], 'sum', ARGV[14], 'fence', ARGV[15], 'ms', ARGV[16]}
if ARGV[12] == '0' then table.insert(fields, 'd'); table.insert(fields, ARGV[17]) end
redis.call('HSET', KEYS[1], unpack(fields))
if ttl > 0 then
  redis.call('PEXPIRE', KEYS[1], ttl)
  for i = 5, #KEYS do redis.call('PEXPIRE', KEYS[i], ttl + grace) end
  redis.call('ZADD', KEYS[3], now + ttl, member)
else
  for i = 5, #KEYS do redis.call('PERSIST', KEYS[i]) end
  redis.call('ZREM', KEYS[3], member)
end
redis.call('ZADD', KEYS[2], now, member)
prune(KEYS[2], KEYS[3], now)
local evicted = 0
if max > 0 then
  local over = redis.call('ZCARD', KEYS[2]) - max
  if over > 0 then
    for _, m in ipairs(redis.call('ZRANGE', KEYS[2], 0, over)) do
      if evicted < over and m ~= member then
        drop(prefix, m, KEYS[2], KEYS[3])
        evicted = evicted + 1
      end
    end
  end
end
return {'ok', evicted}
`)

// deleteScript removes one entry. KEYS: idx, exp. ARGV: prefix, member.
var deleteScript = redis.NewScript(luaDrop + `
drop(ARGV[1], ARGV[2], KEYS[1], KEYS[2])
return 1
`)

// countScript drops expired keys from the index and counts the rest.
// KEYS: idx, exp. ARGV: now ms.
var countScript = redis.NewScript(luaDrop + `
prune(KEYS[1], KEYS[2], tonumber(ARGV[1]))
return redis.call('ZCARD', KEYS[1])
`)

// lockScript takes the compute lock with a new fencing token, or reports
// how long the current holder's lock has left.
// KEYS: lock, fence counter. ARGV: nonce, ttl ms.
// Returns {fence, 0} when taken, {0, pttl} when held by another.
var lockScript = redis.NewScript(`
if redis.call('EXISTS', KEYS[1]) == 1 then return {0, redis.call('PTTL', KEYS[1])} end
local f = redis.call('INCR', KEYS[2])
redis.call('SET', KEYS[1], f .. ':' .. ARGV[1], 'PX', ARGV[2])
return {f, 0}
`)

// renewScript extends the lock if it is still ours. KEYS: lock. ARGV: token, ttl ms.
var renewScript = redis.NewScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
`)

// releaseScript deletes the lock if it is still ours. KEYS: lock. ARGV: token.
var releaseScript = redis.NewScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`)
