-- Appends a decided call to the session's history and trims it, atomically; refreshes the session's idle expiry.
-- Each entry ends with a ninth field, its sequence number: one more than the newest entry's, or ARGV[4] (random) when
-- the history is empty or its newest entry has none. Replicas use it to fetch only the calls they have not seen yet.
-- KEYS: history, labels, seen. ARGV: entry (eight fields, the last one empty), max_history, ttl_ms, first sequence number.
local seq = tonumber(ARGV[4])
local newest = redis.call('LINDEX', KEYS[1], -1)
if newest then
  local at = 0
  for _ = 1, 8 do
    at = string.find(newest, '\31', at + 1, true)
    if not at then break end
  end
  if at then
    local field = string.match(newest, '^(%d+)', at + 1)
    local stop = at + 1 + (field and #field or 0)
    if field and #field <= 15 and (stop > #newest or string.byte(newest, stop) == 31) then seq = tonumber(field) + 1 end
  end
end
redis.call('RPUSH', KEYS[1], ARGV[1] .. '\31' .. seq)
redis.call('LTRIM', KEYS[1], -tonumber(ARGV[2]), -1)
redis.call('PEXPIRE', KEYS[1], ARGV[3])
redis.call('PEXPIRE', KEYS[2], ARGV[3])
redis.call('PEXPIRE', KEYS[3], ARGV[3])
return seq
