-- Refresh-token rotation. Each thread takes its own slice of seeded refresh tokens (BENCH_TOKENS file,
-- from line BENCH_OFFSET on, BENCH_PER_THREAD lines each) and keeps a pool: a request takes a token
-- out, its response puts the rotated successor back. wrk calls response() before the connection's
-- next request(), so every connection always sends the latest token of some family and no token is
-- ever in flight twice (a second use outside the grace window would revoke the family).
-- BENCH_TEMPLATE is the JSON body with %s for the token; successors are read from "refreshToken".
package.path = os.getenv("BENCH_LUA") .. "/?.lua;" .. package.path
local common = require("common")
setup, done = common.setup, common.done

local template = common.env("BENCH_TEMPLATE")
local pool, fresh = {}, {}

function init(_)
  local per_thread = tonumber(common.env("BENCH_PER_THREAD"))
  local first = tonumber(common.env("BENCH_OFFSET")) + (thread_id - 1) * per_thread
  fresh = common.lines(common.env("BENCH_TOKENS"), first, per_thread)
end

local function take()
  local token = table.remove(pool)
  if token ~= nil then return token end
  -- Exhausted only after many failed refreshes: send a token that cannot exist, so each further
  -- request is counted as an error instead of stopping the run.
  return table.remove(fresh) or string.rep("x", 43)
end

function request()
  return wrk.format("POST", nil, { ["Content-Type"] = "application/json" }, string.format(template, take()))
end

function response(status, _, body)
  if status == 200 then
    local successor = string.match(body, '"refreshToken"%s*:%s*"([^"]+)"')
    if successor ~= nil then pool[#pool + 1] = successor end
  end
end

response = common.track(response)
