-- Appends a decided call to the session's history and trims it, atomically; refreshes the session's idle expiry.
-- KEYS: history, labels, seen. ARGV: entry, max_history, ttl_ms.
redis.call('RPUSH', KEYS[1], ARGV[1])
redis.call('LTRIM', KEYS[1], -tonumber(ARGV[2]), -1)
redis.call('PEXPIRE', KEYS[1], ARGV[3])
redis.call('PEXPIRE', KEYS[2], ARGV[3])
redis.call('PEXPIRE', KEYS[3], ARGV[3])
return 1
