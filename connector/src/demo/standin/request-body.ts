// Receiving a request's body, first thing, as the platform's web tier does before any transaction runs.
// A body that arrived whole is worked on even if the client has gone away since: like a real instance,
// the stand-in then inserts the record nobody is waiting for (a create that "lands after the crash").
// A body that never arrived whole is never worked on: no record, no answer, only the request log
// entry (status 0).
import type { NextFunction, Request, Response } from 'express';
import { errorBody } from './envelope.js';

export function receiveBody(limitBytes: number) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const stop = () => {
      settled = true;
      chunks.length = 0;
    };
    req.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size <= limitBytes) return void chunks.push(chunk);
      stop();
      res
        .status(413)
        .json(errorBody('Exception while reading request', `The payload exceeds ${limitBytes} bytes.`));
    });
    req.on('end', () => {
      if (settled) return;
      settled = true;
      (req as { body?: unknown }).body = Buffer.concat(chunks).toString('utf8');
      next();
    });
    // The client went away before the whole body was in: nothing to work on.
    req.on('aborted', stop);
    req.on('error', stop);
  };
}
