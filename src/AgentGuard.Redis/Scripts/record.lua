-- Records a decided call: appends it to the session's history and, when the history is longer than the caller keeps,
-- trims it, in one atomic step; gives the session's keys their idle expiry when the caller says it is due.
-- KEYS: history, labels, seen. ARGV: entry, calls kept, expiry in milliseconds (0: not due).
local length = redis.call('RPUSH', KEYS[1], ARGV[1])
local keep = tonumber(ARGV[2])
if length > keep then
  redis.call('LTRIM', KEYS[1], -keep, -1)
end
if ARGV[3] ~= '0' then
  redis.call('PEXPIRE', KEYS[1], ARGV[3])
  redis.call('PEXPIRE', KEYS[2], ARGV[3])
  redis.call('PEXPIRE', KEYS[3], ARGV[3])
end
return 1
