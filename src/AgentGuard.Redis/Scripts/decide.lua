-- The scripted part of one decision's reads (a first history read and labels are plain LRANGE / SMEMBERS pipelined in
-- the same round trip): records the prompt's tokens first, then returns
-- { seen flags, rate-limit counts, history since the held sequence number }.
-- KEYS: [seen, history] when ARGV[3] == '1', then one sorted set per rate-limit counter.
-- ARGV: now_ms, ttl_ms, has_session, max_seen, held_seq (0: no history read), depth,
--       n_prompt, prompt tokens..., n_seen, seen tokens..., n_rate, (window_ms, member)...
-- History: { newest sequence number, list length, calls } where calls are those after held_seq when the newest entry's
-- sequence number is held_seq + n (n <= depth), otherwise the last depth calls (the caller tells them apart by count).
local now = tonumber(ARGV[1])
local ttl = ARGV[2]
local has_session = ARGV[3] == '1'
local max_seen = tonumber(ARGV[4])
local held = tonumber(ARGV[5])
local depth = tonumber(ARGV[6])
local i = 7
local k = 1
local seen_key, history_key
if has_session then
  seen_key, history_key = KEYS[1], KEYS[2]
  k = 3
end

local function sequence(entry)
  local at = 0
  for _ = 1, 8 do
    at = string.find(entry, '\31', at + 1, true)
    if not at then return nil end
  end
  local field = string.match(entry, '^(%d+)', at + 1)
  local stop = at + 1 + (field and #field or 0)
  if field and #field <= 15 and (stop > #entry or string.byte(entry, stop) == 31) then return tonumber(field) end
  return nil
end

local n_prompt = tonumber(ARGV[i]); i = i + 1
if n_prompt > 0 then
  for j = 1, n_prompt do
    redis.call('SADD', seen_key, ARGV[i]); i = i + 1
  end
  local size = redis.call('SCARD', seen_key)
  if size > max_seen then redis.call('SPOP', seen_key, size - max_seen) end
  redis.call('PEXPIRE', seen_key, ttl)
end

local n_seen = tonumber(ARGV[i]); i = i + 1
local seen = {}
for j = 1, n_seen do
  if has_session then seen[j] = redis.call('SISMEMBER', seen_key, ARGV[i]) else seen[j] = 0 end
  i = i + 1
end

local n_rate = tonumber(ARGV[i]); i = i + 1
local counts = {}
for j = 1, n_rate do
  local key = KEYS[k]; k = k + 1
  local window = tonumber(ARGV[i]); local member = ARGV[i + 1]; i = i + 2
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
  local n = redis.call('ZCARD', key)
  if n < 10000 then
    redis.call('ZADD', key, now, member)
    n = n + 1
  end
  redis.call('PEXPIRE', key, window)
  counts[j] = n
end

local history = {}
if has_session and held > 0 then
  local newest = redis.call('LINDEX', history_key, -1)
  local seq = newest and sequence(newest) or 0
  local length = redis.call('LLEN', history_key)
  local calls
  if seq >= held and seq - held <= depth then
    calls = {}
    if seq > held then calls = redis.call('LRANGE', history_key, held - seq, -1) end
  else
    calls = redis.call('LRANGE', history_key, -depth, -1)
  end
  history = { seq, length, calls }
end

return { seen, counts, history }
