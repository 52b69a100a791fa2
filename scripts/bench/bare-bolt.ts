// The reference: a bare @slack/bolt app on Bolt's own HTTPReceiver that only acks, with the same signing secret
// (Bolt verifies signatures itself). Run as its own process: PORT, SLACK_SIGNING_SECRET, SLACK_API_URL.
// Prints "ready" on stdout once listening on 127.0.0.1.
import { App, HTTPReceiver, LogLevel } from "@slack/bolt";

const port = Number(process.env.PORT);
const signingSecret = process.env.SLACK_SIGNING_SECRET ?? "";
const receiver = new HTTPReceiver({ signingSecret, endpoints: "/slack/events", logLevel: LogLevel.ERROR });
const app = new App({
  receiver,
  token: "xoxb-bench-bare",
  // No auth.test at start; the WebClient is pointed at the fake anyway and never used.
  tokenVerificationEnabled: false,
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL },
  logLevel: LogLevel.ERROR,
});
app.command(/.*/, async ({ ack }) => {
  await ack();
});
app.action(/.*/, async ({ ack }) => {
  await ack();
});
await app.start({ port, host: "127.0.0.1" });
process.stdout.write("ready\n");
process.on("SIGTERM", () => void app.stop().then(() => process.exit(0)));
