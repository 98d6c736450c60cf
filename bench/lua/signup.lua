-- Sign-up with a unique email per request: BENCH_TEMPLATE is the JSON body with %s for a unique part,
-- BENCH_NONCE makes it unique across runs.
package.path = os.getenv("BENCH_LUA") .. "/?.lua;" .. package.path
local common = require("common")
setup, done = common.setup, common.done

local template = common.env("BENCH_TEMPLATE")
local nonce = common.env("BENCH_NONCE")
local counter, salt = 0, ""

-- Random per thread and per wrk process: the warm-up and each measured run restart the counter.
function init(_)
  local urandom = io.open("/dev/urandom", "rb")
  salt = string.gsub(urandom:read(6), ".", function(c) return string.format("%02x", string.byte(c)) end)
  urandom:close()
end

function request()
  counter = counter + 1
  local unique = string.format("%s-%s-%d", nonce, salt, counter)
  return wrk.format("POST", nil, { ["Content-Type"] = "application/json" }, string.format(template, unique))
end

response = common.track(response)
