-- Claims a pending approval once: returns its fingerprint and leaves a tombstone, so the request id can be neither
-- claimed nor issued again (issuing uses SET NX) while the tombstone lives.
-- KEYS: approval key. ARGV: tombstone value, tombstone ttl_ms.
local fingerprint = redis.call('GET', KEYS[1])
if not fingerprint or fingerprint == ARGV[1] then
  return false
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return fingerprint
