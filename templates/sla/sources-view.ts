// The view model of /sla sources: each intake with its last success, items found and last error.
import type { SlaSource, SourceProblem } from "../../src/domain/sla/index.js";

/** A source's last failure, as recorded (codes, worded by the card). */
export interface SourceErrorView {
  problem: SourceProblem;
  /** The platform's error code, when it gave one. */
  code?: number;
  /** For ip_whitelist: the address the platform saw. */
  ip?: string;
  /** An account code, or the intake's own (English) reason for a refused item. */
  detail?: string;
  /** The intake's own reason for a refused item, in English (English readers only). */
  reason?: string;
  /** Local time. */
  at: string;
}

/** One source. */
export interface SourceView {
  source: SlaSource;
  /** The WeChat OA comment poll only: switched on (WECHAT_OA_APP_SECRET set), how often, how many days back. */
  polling?: boolean;
  everyMinutes?: number;
  days?: number;
  /** The poll's last successful run: comments seen, items added, items closed as answered in the backend. */
  lastRun?: { seen: number; added: number; closed: number };
  /** The last successful poll, or the last item that arrived (local time). */
  lastOkAt?: string;
  /** Items this source stored, in total. */
  items: number;
  error?: SourceErrorView;
}

/** /sla sources. */
export interface SlaSourcesView {
  sources: SourceView[];
}
