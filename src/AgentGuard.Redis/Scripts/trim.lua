-- Shared by decide.lua and result.lua (put before each when it is loaded): drops random members of the seen-value set
-- past max_seen. Forgetting never launders: a dropped untrusted member ('2…') leaves the marker '!a' (any value may have
-- been seen untrusted), and a dropped marker is put back.
local function trim(key, max_seen)
  local size = redis.call('SCARD', key)
  if size <= max_seen then return end
  local popped = redis.call('SPOP', key, size - max_seen)
  local any = false
  for _, member in ipairs(popped) do
    local first = string.sub(member, 1, 1)
    if first == '2' then any = true elseif first == '!' then redis.call('SADD', key, member) end
  end
  if any then redis.call('SADD', key, '!a') end
end

