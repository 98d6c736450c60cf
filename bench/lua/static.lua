-- The same request every time: JWKS, token verification with one bearer token, client_credentials.
--   BENCH_METHOD (GET), BENCH_BODY, BENCH_CONTENT_TYPE, BENCH_AUTH (full Authorization header value),
--   BENCH_IF_NONE_MATCH (a cached avatar's ETag), BENCH_COOKIE (a session cookie, for the admin console's pages)
package.path = os.getenv("BENCH_LUA") .. "/?.lua;" .. package.path
local common = require("common")
setup, done = common.setup, common.done

wrk.method = common.env("BENCH_METHOD", "GET")
local body = common.env("BENCH_BODY", "")
if body ~= "" then wrk.body = body end
local content_type = common.env("BENCH_CONTENT_TYPE", "")
if content_type ~= "" then wrk.headers["Content-Type"] = content_type end
local auth = common.env("BENCH_AUTH", "")
if auth ~= "" then wrk.headers["Authorization"] = auth end
local cookie = common.env("BENCH_COOKIE", "")
if cookie ~= "" then wrk.headers["Cookie"] = cookie end
local etag = common.env("BENCH_IF_NONE_MATCH", "")
if etag ~= "" then wrk.headers["If-None-Match"] = etag end

response = common.track(response)
