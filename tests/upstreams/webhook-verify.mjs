// Verifies webhook deliveries with the npm `standardwebhooks` package, as a Node receiver would.
// stdin: {"secret": "whsec_...", "deliveries": [{"headers": {"webhook-id": ..., "webhook-timestamp": ..., "webhook-signature": ...}, "body": "..."}]}
// stdout: one line "verified <webhook-id> <type>" per delivery; exit 1 with the library's error on the first failure.
import { Webhook } from "standardwebhooks";

let input = "";
for await (const chunk of process.stdin) input += chunk;
const { secret, deliveries } = JSON.parse(input);
const webhook = new Webhook(secret);
for (const delivery of deliveries) {
  try {
    const payload = webhook.verify(delivery.body, delivery.headers);
    console.log(`verified ${delivery.headers["webhook-id"]} ${payload.type}`);
  } catch (error) {
    console.error(`not verified ${delivery.headers["webhook-id"]}: ${error.message}`);
    process.exit(1);
  }
}
