-- A tool result: adds labels (returning the new ones), attaches them to the call's history entry, records seen tokens.
-- KEYS: history, labels, seen.
-- ARGV: ttl_ms, max_seen, lost, call_id ('' when unknown), tool_name, n_labels, labels..., n_tokens, tokens...
-- lost: '' or the loss marker of an untrusted text whose keys were not all taken ('!a': any value, '!wN': word
-- sequences of N or more words). Seen members are an origin digit and a hash; a member starting with '!' is a marker.
-- History entries are fields joined by \31: time, effect, kind, tool, source, call id, tags (\30), result labels (\30).
local ttl = ARGV[1]
local max_seen = tonumber(ARGV[2])
local lost = ARGV[3]
local call_id = ARGV[4]
local tool = string.lower(ARGV[5])
local i = 6

local function split(s)
  local fields, start = {}, 1
  while true do
    local p = string.find(s, '\31', start, true)
    if not p then
      fields[#fields + 1] = string.sub(s, start)
      return fields
    end
    fields[#fields + 1] = string.sub(s, start, p - 1)
    start = p + 1
  end
end

local n_labels = tonumber(ARGV[i]); i = i + 1
local added, attach = {}, {}
for j = 1, n_labels do
  local label = ARGV[i]; i = i + 1
  if redis.call('SADD', KEYS[2], label) == 1 then added[#added + 1] = label end
  attach[#attach + 1] = label
end

if n_labels > 0 then
  redis.call('PEXPIRE', KEYS[2], ttl)
  local entries = redis.call('LRANGE', KEYS[1], 0, -1)
  for index = #entries, 1, -1 do
    local fields = split(entries[index])
    local match
    if call_id ~= '' then match = fields[6] == call_id else match = string.lower(fields[4] or '') == tool end
    if match and #fields >= 8 then
      local joined = table.concat(attach, '\30')
      if fields[8] == '' then fields[8] = joined else fields[8] = fields[8] .. '\30' .. joined end
      redis.call('LSET', KEYS[1], index - 1, table.concat(fields, '\31'))
      break
    end
  end
end

local n_tokens = tonumber(ARGV[i]); i = i + 1
if n_tokens > 0 or lost ~= '' then
  for j = 1, n_tokens do
    redis.call('SADD', KEYS[3], ARGV[i]); i = i + 1
  end
  if lost ~= '' then redis.call('SADD', KEYS[3], lost) end
  trim(KEYS[3], max_seen) -- trim.lua, loaded before this script
  redis.call('PEXPIRE', KEYS[3], ttl)
end

return added
