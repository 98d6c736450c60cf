-- Shared by every scenario script: numbers each wrk thread (so threads take disjoint slices of
-- seeded secrets) and prints one machine-readable RESULT line that bench/run.sh parses.
local common = {}
local next_id = 0

function common.setup(thread)
  next_id = next_id + 1
  thread:set("thread_id", next_id)
end

function common.done(summary, latency, _)
  local e = summary.errors
  local socket = e.connect + e.read + e.write + e.timeout
  io.write(string.format("RESULT rps=%.1f p50_ms=%.2f p99_ms=%.2f requests=%d non2xx=%d socket=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests, e.status, socket))
end

function common.env(name, default)
  local value = os.getenv(name)
  if value == nil or value == "" then
    if default == nil then error("bench: " .. name .. " is not set") end
    return default
  end
  return value
end

-- Lines first+1 .. first+count of a file (1-based, as Lua tables are).
function common.lines(path, first, count)
  local out, n = {}, 0
  for line in io.lines(path) do
    n = n + 1
    if n > first + count then break end
    if n > first then out[#out + 1] = line end
  end
  return out
end

return common
