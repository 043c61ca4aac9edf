import type { SandboxState } from '../types.js';

/** What a route handler gets: the request, its path parameters and the sandbox it runs in. */
export interface SandboxContext {
  request: Request;
  url: URL;
  params: Record<string, string>;
  state: SandboxState;
  /** The sandbox clock, in ms since the epoch. */
  now: number;
  /** The per-sandbox secret that keys issued tracking ids. */
  secret: string;
  /** Which API the request reached: the publishable client API or the secret server API. */
  api: 'client' | 'server';
  /** Whether the publishable keys may redeem (`SandboxOptions.clientRedemption`). */
  clientRedemption: boolean;
}

/** A route handler. */
export type RouteHandler = (context: SandboxContext) => Response | Promise<Response>;
