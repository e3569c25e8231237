-- The scripted part of one decision's reads (history and labels are read with plain LRANGE / SMEMBERS pipelined in the
-- same round trip): records the prompt's tokens first, then returns { seen flags, rate-limit counts }. The seen flags are
-- one per token asked about, then (when any was asked) one per loss marker: '!a', '!w1' … '!w6' (see result.lua).
-- KEYS: [seen] when ARGV[3] == '1', then one sorted set per rate-limit counter.
-- ARGV: now_ms, ttl_ms, has_session, max_seen, n_prompt, prompt tokens..., n_seen, seen tokens..., n_rate, (window_ms, member)...
local now = tonumber(ARGV[1])
local ttl = ARGV[2]
local has_session = ARGV[3] == '1'
local max_seen = tonumber(ARGV[4])
local i = 5
local k = 1
local seen_key
if has_session then
  seen_key = KEYS[1]
  k = 2
end

local n_prompt = tonumber(ARGV[i]); i = i + 1
if n_prompt > 0 then
  for j = 1, n_prompt do
    redis.call('SADD', seen_key, ARGV[i]); i = i + 1
  end
  trim(seen_key, max_seen) -- trim.lua, loaded before this script
  redis.call('PEXPIRE', seen_key, ttl)
end

local n_seen = tonumber(ARGV[i]); i = i + 1
local seen = {}
for j = 1, n_seen do
  if has_session then seen[j] = redis.call('SISMEMBER', seen_key, ARGV[i]) else seen[j] = 0 end
  i = i + 1
end
if n_seen > 0 then
  local markers = { '!a', '!w1', '!w2', '!w3', '!w4', '!w5', '!w6' }
  for j = 1, #markers do
    if has_session then seen[n_seen + j] = redis.call('SISMEMBER', seen_key, markers[j]) else seen[n_seen + j] = 0 end
  end
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

return { seen, counts }
