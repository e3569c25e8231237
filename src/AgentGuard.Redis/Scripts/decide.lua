-- The scripted part of one decision's reads (history and labels are read with plain LRANGE / SMEMBERS pipelined in the
-- same round trip): records the prompt's tokens first, then returns { seen flags, rate-limit counts }.
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

return { seen, counts }
