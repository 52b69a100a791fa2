// What the benchmark's clients do on one target (the bare Bolt app, or the service on one database with its
// replicas): who types, in which channel, what reply each request waits for, and the setup that makes every
// request a real one (people and channels already known, topic cards to click).
//
// - /topic list: client c is one person in their own channel; the reply is the list, ephemeral to them.
// - +1 click: client c votes on topic cards no other client uses, as 50 different people in turn (one vote per
//   person per card), so every click is a new vote that commits and updates the card (chat.update).
// - /topic propose: each new topic goes to the next of CHANNELS channels in turn, so Slack's pace of one post a
//   second per channel (kept by the service) does not bound the figures; the reply is the posted card.
import type { Job } from "./clients.js";
import type { CardButton, FakeSlack } from "./fake-slack.js";
import { click, command, proposeTitle } from "./requests.js";

/** Channels the proposals rotate through (each is also where one setup card is posted). */
export const CHANNELS = 400;
/** People who vote; each card takes one vote from each. */
export const VOTERS = 50;
/** The most clients a row uses (people and channels of /topic list). */
export const MAX_CLIENTS = 50;

export type Kind = "list" | "click" | "propose";

/** What the bare Bolt app is clicked on: it acks any block_actions without reading it. */
const BARE_CARD: CardButton = { channel: "CBAREP0", messageTs: "1790000000.000001", actionId: "topic.vote~bare", value: "bare", label: "+1" };

export class Scenario {
  private proposals = 0;
  private cardCursor = 0;
  /** Per click client: its current card and how many of the voters have voted on it. */
  private clickState = new Map<number, { card: CardButton; votes: number }>();

  /** `tag` keeps each target's ids apart in the one fake Slack; `urls` are its replicas (or the bare app). */
  constructor(
    readonly tag: string,
    readonly urls: string[],
    private readonly fake: FakeSlack,
    private readonly responseBase: string,
    /** The bare Bolt app only acks: no reply to wait for. */
    private readonly ackOnly: boolean,
  ) {}

  private url(client: number): string {
    return this.urls[client % this.urls.length]!;
  }
  private listUser = (c: number) => `U${this.tag}L${c}`;
  private listChannel = (c: number) => `C${this.tag}L${c}`;
  private voter = (v: number) => `U${this.tag}V${v}`;
  private proposer = (c: number) => `U${this.tag}P${c}`;
  private poolChannel = (i: number) => `C${this.tag}P${i % CHANNELS}`;

  /** This target's topic cards (posted during setup), in posting order. */
  private cards(): CardButton[] {
    return this.fake.cards.filter((c) => c.channel.startsWith(`C${this.tag}P`));
  }

  /** The n-th request of client c for `kind`. */
  job(kind: Kind, c: number, _n: number): Job | undefined {
    if (kind === "list") {
      const req = command("list", this.listUser(c), this.listChannel(c), this.responseBase);
      return { req, url: this.url(c), replyKey: this.ackOnly ? undefined : `eph:${this.listChannel(c)}:${this.listUser(c)}` };
    }
    if (kind === "propose") {
      const n = (this.proposals += 1);
      const token = `${this.tag}-${n}`;
      const req = command(`propose ${proposeTitle(n, token)} --platform douyin`, this.proposer(c), this.poolChannel(n), this.responseBase);
      return { req, url: this.url(c), replyKey: this.ackOnly ? undefined : `post:${token}` };
    }
    const state = this.nextVote(c);
    if (!state) return undefined;
    const req = click(state.card, this.voter(state.votes - 1), this.responseBase);
    return { req, url: this.url(c), replyKey: this.ackOnly ? undefined : `upd:${state.card.channel}:${state.card.messageTs}` };
  }

  private nextVote(c: number): { card: CardButton; votes: number } | undefined {
    let state = this.clickState.get(c);
    if (!state || state.votes >= VOTERS) {
      const card = this.ackOnly ? BARE_CARD : this.cards()[this.cardCursor++];
      if (!card) return undefined;
      state = { card, votes: 0 };
      this.clickState.set(c, state);
    }
    state.votes += 1;
    return state;
  }

  /** Cards left for clicks (each takes VOTERS clicks). */
  cardsLeft(): number {
    return this.cards().length - this.cardCursor;
  }

  /** Clients start every row on a fresh card, so no two rows (or clients) vote on the same one. */
  newRow(): void {
    this.clickState.clear();
  }

  /** Setup jobs: everyone's first contact (a list), and one proposal in each of `cards` pool channels (the cards to click). */
  setupJobs(cards = CHANNELS): Job[] {
    const jobs: Job[] = [];
    const list = (user: string, channel: string, c: number) => ({ req: command("list", user, channel, this.responseBase), url: this.url(c), replyKey: this.ackOnly ? undefined : `eph:${channel}:${user}` });
    for (let c = 0; c < MAX_CLIENTS; c++) jobs.push(list(this.listUser(c), this.listChannel(c), c), list(this.proposer(c), this.poolChannel(c), c));
    for (let v = 0; v < VOTERS; v++) jobs.push(list(this.voter(v), this.poolChannel(v), v));
    if (this.ackOnly) return jobs;
    for (let i = 0; i < cards; i++) {
      const token = `${this.tag}-setup-${i}`;
      const req = command(`propose ${proposeTitle(i, token)} --platform douyin`, this.proposer(i % MAX_CLIENTS), this.poolChannel(i), this.responseBase);
      jobs.push({ req, url: this.url(i), replyKey: `post:${token}` });
    }
    return jobs;
  }
}
