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

-- Smoke runs (BENCH_PROGRESS set): every answer appends one byte to that file, so bench/lib/measure.sh can
-- stop wrk as soon as enough requests answered. Full runs keep the script's own response() (or none,
-- which spares wrk parsing every response for a callback).
function common.track(response)
  local path = os.getenv("BENCH_PROGRESS")
  if path == nil or path == "" then return response end
  local file = assert(io.open(path, "a"))
  file:setvbuf("no")
  return function(status, headers, body)
    file:write(".")
    if response ~= nil then response(status, headers, body) end
  end
end

return common
