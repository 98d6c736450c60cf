-- A POST whose body is unique per request (SCIM user creation, usage reports with an idempotency key):
-- BENCH_TEMPLATE is the JSON body with %s for a unique part, BENCH_NONCE makes it unique across runs,
-- BENCH_AUTH the Authorization header, BENCH_CONTENT_TYPE the body's type (JSON unless said).
package.path = os.getenv("BENCH_LUA") .. "/?.lua;" .. package.path
local common = require("common")
setup, done = common.setup, common.done

local template = common.env("BENCH_TEMPLATE")
local nonce = common.env("BENCH_NONCE")
local auth = common.env("BENCH_AUTH")
local content_type = common.env("BENCH_CONTENT_TYPE", "application/json")
local counter, salt = 0, ""

function init(_)
  local urandom = io.open("/dev/urandom", "rb")
  salt = string.gsub(urandom:read(6), ".", function(c) return string.format("%02x", string.byte(c)) end)
  urandom:close()
end

function request()
  counter = counter + 1
  local unique = string.format("%s-%s-%d", nonce, salt, counter)
  return wrk.format("POST", nil, { ["Content-Type"] = content_type, ["Authorization"] = auth }, string.format(template, unique))
end

response = common.track(response)
