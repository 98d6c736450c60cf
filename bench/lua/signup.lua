-- Sign-up with a unique email per request: BENCH_TEMPLATE is the JSON body with %s for a unique part,
-- BENCH_NONCE makes it unique across runs.
package.path = os.getenv("BENCH_LUA") .. "/?.lua;" .. package.path
local common = require("common")
setup, done = common.setup, common.done

local template = common.env("BENCH_TEMPLATE")
local nonce = common.env("BENCH_NONCE")
local counter = 0

function request()
  counter = counter + 1
  local unique = string.format("%s-%d-%d", nonce, thread_id or 0, counter)
  return wrk.format("POST", nil, { ["Content-Type"] = "application/json" }, string.format(template, unique))
end
