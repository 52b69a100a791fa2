// The modal that asks for a reason before a click is sent (a card button with `reasonPrompt`, e.g. Reject).
// The clicked button and its message travel in the view's private_metadata; the submission is a new signed
// request from the same person, so nothing the modal carries is trusted beyond what the button value's own
// HMAC already guarantees.
import type { types } from "@slack/bolt";
import { z } from "zod";

/** callback_id of the reason modal. */
export const REASON_CALLBACK_ID = "mediaops.reason";
/** block_id and action_id of its one input. */
export const REASON_BLOCK_ID = "reason";
/** Longest reason accepted by the modal (the button value limit elsewhere; features may be stricter). */
export const REASON_MAX = 2000;

const TITLE_MAX = 24;
const LABEL_MAX = 2000;
const METADATA_MAX = 3000;

/** The click waiting for its reason. */
const ZReasonMetadata = z.object({
  actionId: z.string().min(1).max(255),
  value: z.string().max(2000),
  channelId: z.string().min(1),
  channelName: z.string().optional(),
  messageTs: z.string().min(1),
});
/** What private_metadata carries. */
export type TReasonMetadata = z.infer<typeof ZReasonMetadata>;

function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}

/** The modal for one click; undefined when the click would not fit in private_metadata (it then goes without). */
export function reasonModal(p: { buttonLabel: string; prompt: string; click: TReasonMetadata }): types.ModalView | undefined {
  const metadata = JSON.stringify(ZReasonMetadata.parse(p.click));
  if (metadata.length > METADATA_MAX) return undefined;
  const label = clip(p.buttonLabel.trim() || "OK", TITLE_MAX);
  return {
    type: "modal",
    callback_id: REASON_CALLBACK_ID,
    private_metadata: metadata,
    title: { type: "plain_text", text: label },
    submit: { type: "plain_text", text: label },
    blocks: [
      {
        type: "input",
        block_id: REASON_BLOCK_ID,
        label: { type: "plain_text", text: clip(p.prompt.trim() || "?", LABEL_MAX) },
        element: { type: "plain_text_input", action_id: REASON_BLOCK_ID, multiline: true, max_length: REASON_MAX },
      },
    ],
  };
}

/** Reads private_metadata back; undefined when it is not ours. */
export function readReasonMetadata(raw: string): TReasonMetadata | undefined {
  try {
    const parsed = ZReasonMetadata.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
