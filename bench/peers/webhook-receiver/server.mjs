// Webhook receiver for bench/webhooks.sh: answers every POST 204 and counts the distinct webhook-id headers it
// accepted. GET /count -> {"accepted": N, "requests": M}. POST /mode?up=0 makes it hold requests unanswered (a
// stalled receiver: the sender's batch waits, the outbox fills); POST /mode?up=1 answers the held ones and resumes, and
// with &reset=1 starts a new timing window: /count's window_ms is from the first to the last accept since then.
// Signatures are not checked here (the tests do that); this measures the sender.
import http from "node:http";

const port = Number(process.argv[2] ?? 0);
const seen = new Set();
let requests = 0;
let up = true;
const held = [];
let first = null, last = null;
const accept = (req, res) => {
  seen.add(req.headers["webhook-id"]);
  last = performance.now();
  first ??= last;
  res.writeHead(204).end();
};

const server = http.createServer((req, res) => {
  const url = new URL(req.url, "http://x");
  if (req.method === "GET" && url.pathname === "/count") {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ accepted: seen.size, requests, window_ms: first === null ? 0 : Math.round(last - first) }));
    return;
  }
  if (url.pathname === "/mode") {
    up = url.searchParams.get("up") === "1";
    if (url.searchParams.get("reset") === "1") first = last = null;
    if (up) for (const [heldReq, heldRes] of held.splice(0)) accept(heldReq, heldRes);
    res.writeHead(204).end();
    return;
  }
  req.resume();
  req.on("end", () => {
    requests++;
    if (up) accept(req, res); else held.push([req, res]);
  });
});
server.keepAliveTimeout = 60000;
server.listen(port, "127.0.0.1", () => console.log(`listening ${server.address().port}`));
