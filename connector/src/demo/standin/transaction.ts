// Transaction quota rules. Out of the box a ServiceNow instance cancels any REST Table API transaction
// still running after 60 s ("REST Table API request timeout"); a write cancelled before it was stored
// is never stored, so after the quota a request can no longer take effect. The answer of a cancelled
// transaction is HTTP 200 with the error envelope (ServiceNow KB1297438), not a 5xx. The stand-in
// keeps the rule with its own quota (default 60 s, shorter in tests) counted from when the request's
// body was in; an answer nobody reads (the client is gone) is not written.
import type { NextFunction, Request, Response } from 'express';
import { errorBody } from './envelope.js';

export const CANCELLED_MESSAGE = 'Transaction cancelled: maximum execution time exceeded';
const CANCELLED_DETAIL = `${CANCELLED_MESSAGE} Check logs for error trace or enable glide.rest.debug property to verify REST request processing`;

export interface Transaction {
  /** True once the quota rule cancelled it: nothing may be stored or answered any more. */
  readonly cancelled: boolean;
}

export function transactionOf(res: Response): Transaction {
  const tx: unknown = res.locals.transaction;
  return tx && typeof tx === 'object' && 'cancelled' in tx ? (tx as Transaction) : { cancelled: false };
}

export function transactionQuota(quotaMs: number) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const tx = { cancelled: false };
    res.locals.transaction = tx;
    const timer = setTimeout(() => {
      if (res.headersSent) return;
      tx.cancelled = true;
      if (!req.socket.destroyed) res.status(200).json(errorBody(CANCELLED_MESSAGE, CANCELLED_DETAIL));
    }, quotaMs);
    timer.unref();
    // Only an answer ends the transaction: one whose client went away still runs to the quota.
    res.on('finish', () => clearTimeout(timer));
    next();
  };
}
