// Used only when @types/express (5.x) is not installed: the slice of its API the docs use, with Express 5's
// handler type (a handler returns void or Promise<void>; Express 5 passes a rejected promise to the error handler).
declare module 'express' {
  import type { IncomingMessage, Server, ServerResponse } from 'node:http';

  namespace e {
    interface Request extends IncomingMessage {
      // @types/express types an unparsed body as `any`: validate it.
      body: any;
      params: Record<string, string>;
      query: Record<string, unknown>;
      path: string;
    }
    interface Response extends ServerResponse {
      status(code: number): this;
      json(body?: unknown): this;
      send(body?: unknown): this;
      sendStatus(code: number): this;
    }
    type NextFunction = (error?: unknown) => void;
    type RequestHandler = (req: Request, res: Response, next: NextFunction) => void | Promise<void>;
    type ErrorRequestHandler = (error: any, req: Request, res: Response, next: NextFunction) => void | Promise<void>;
    interface Express {
      (req: IncomingMessage, res: ServerResponse): void;
      get(path: string, ...handlers: RequestHandler[]): this;
      post(path: string, ...handlers: RequestHandler[]): this;
      use(...handlers: Array<RequestHandler | ErrorRequestHandler>): this;
      use(path: string, ...handlers: Array<RequestHandler | ErrorRequestHandler>): this;
      listen(port: number, host?: string, callback?: () => void): Server;
    }
    function json(options?: { limit?: string | number }): RequestHandler;
  }
  function e(): e.Express;
  export = e;
}
