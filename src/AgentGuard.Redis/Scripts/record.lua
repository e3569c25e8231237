-- Records a decided call: appends it to the session's history and trims the history to the length the caller keeps,
-- in one atomic step; refreshes the idle expiry of the session's keys.
-- KEYS: history, labels, seen. ARGV: entry, calls kept, expiry in milliseconds.
redis.call('RPUSH', KEYS[1], ARGV[1])
redis.call('LTRIM', KEYS[1], -tonumber(ARGV[2]), -1)
redis.call('PEXPIRE', KEYS[1], ARGV[3])
redis.call('PEXPIRE', KEYS[2], ARGV[3])
redis.call('PEXPIRE', KEYS[3], ARGV[3])
return 1
