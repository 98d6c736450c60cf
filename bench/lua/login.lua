-- Password sign-in as a random seeded user: BENCH_TEMPLATE is the JSON body with %d for the user number,
-- BENCH_USERS the number of seeded users.
package.path = os.getenv("BENCH_LUA") .. "/?.lua;" .. package.path
local common = require("common")
setup, done = common.setup, common.done

local template = common.env("BENCH_TEMPLATE")
local users = tonumber(common.env("BENCH_USERS"))

function init(_)
  math.randomseed(os.time() + (thread_id or 0) * 7919)
end

function request()
  return wrk.format("POST", nil, { ["Content-Type"] = "application/json" }, string.format(template, math.random(0, users - 1)))
end

response = common.track(response)
