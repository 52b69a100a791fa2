// A command typed without the arguments it needs ("/topic propose") opens a modal built from its spec: one
// field per positional argument, one optional field per option, with the spec's own help. The submission is
// turned back into the command text the console would have typed, so the registry stays the only parser.
import type { types } from "@slack/bolt";
import { z } from "zod";
import { ALL_COMMANDS, splitCommandWords, type CommandSpec } from "../../../commands/index.js";
import type { Locale } from "../../domain/locale.js";

/** callback_id of command forms. */
export const FORM_CALLBACK_ID = "mediaops.command";

const TITLE_MAX = 24;
const LABEL_MAX = 2000;
const HINT_MAX = 2000;
const INPUT_MAX = 3000;

/** What the form's private_metadata carries: the command and where it was typed. */
const ZFormMetadata = z.object({ id: z.string().min(1), channelId: z.string().min(1), channelName: z.string().optional() });
/** The form's private_metadata. */
export type TFormMetadata = z.infer<typeof ZFormMetadata>;

const COPY: Record<Locale, { submit: string }> = { en: { submit: "Send" }, "zh-CN": { submit: "提交" } };

function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}

/** The spec of `text` when it names a command exactly, with nothing after it, and the command needs input. */
export function formSpecFor(text: string): CommandSpec | undefined {
  const words = splitCommandWords(text).map((w) => w.toLowerCase());
  if (words.length === 0) return undefined;
  const spec = ALL_COMMANDS.find((c) => c.id !== "help" && c.words.length === words.length && c.words.every((w, i) => w === words[i]));
  if (!spec || spec.positionals.length === 0) return undefined;
  // Needs input when its arguments do not validate empty: that is exactly when typing it bare would be refused.
  return (spec.args as z.ZodType).safeParse({}).success ? undefined : spec;
}

const positionalBlock = (name: string) => `p:${name}`;
const optionBlock = (name: string) => `o:${name}`;

/** The modal for `spec`, in the team's language (a first-time user's own language is not known yet). */
export function commandForm(spec: CommandSpec, locale: Locale, where: Omit<TFormMetadata, "id">): types.ModalView {
  const inputs: types.InputBlock[] = [
    ...spec.positionals.map(
      (p): types.InputBlock => ({
        type: "input",
        block_id: positionalBlock(p.name),
        label: { type: "plain_text", text: p.name },
        element: { type: "plain_text_input", action_id: "value", multiline: Boolean(p.rest), max_length: INPUT_MAX },
      }),
    ),
    ...spec.options.map(
      (o): types.InputBlock => ({
        type: "input",
        block_id: optionBlock(o.name),
        optional: true,
        label: { type: "plain_text", text: clip(`--${o.name}`, LABEL_MAX) },
        hint: { type: "plain_text", text: clip(o.help[locale], HINT_MAX) },
        element: { type: "plain_text_input", action_id: "value", max_length: INPUT_MAX },
      }),
    ),
  ];
  return {
    type: "modal",
    callback_id: FORM_CALLBACK_ID,
    private_metadata: JSON.stringify(ZFormMetadata.parse({ id: spec.id, ...where })),
    title: { type: "plain_text", text: clip(`/${spec.words.join(" ")}`, TITLE_MAX) },
    submit: { type: "plain_text", text: COPY[locale].submit },
    blocks: [{ type: "section", text: { type: "plain_text", text: clip(`${spec.summary[locale]}\n${spec.usage}`, 3000) } }, ...inputs],
  };
}

/** Reads private_metadata back; undefined when it is not ours. */
export function readFormMetadata(raw: string): TFormMetadata | undefined {
  try {
    const parsed = ZFormMetadata.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Wraps a value in a quote it does not contain, so the tokenizer keeps it as one word. */
function quoted(value: string): string {
  const flat = value.replace(/\s+/g, " ").trim();
  const pair = [['"', '"'], ["'", "'"], ["「", "」"], ["“", "”"]].find(([open, close]) => !flat.includes(open!) && !flat.includes(close!));
  return pair ? `${pair[0]}${flat}${pair[1]}` : flat;
}

/** The submitted values → the command text ("/topic propose "春节攻略" --platform "douyin""). */
export function commandTextFromForm(spec: CommandSpec, values: Record<string, Record<string, { value?: string | null }>>): string {
  const read = (blockId: string) => values[blockId]?.["value"]?.value?.trim() ?? "";
  const parts = [`/${spec.words.join(" ")}`];
  for (const p of spec.positionals) {
    const v = read(positionalBlock(p.name));
    if (v) parts.push(quoted(v));
  }
  for (const o of spec.options) {
    const v = read(optionBlock(o.name));
    if (v) parts.push(`--${o.name}`, quoted(v));
  }
  return parts.join(" ");
}
