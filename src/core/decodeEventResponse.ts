import type { EventResponse } from '../schemas/eventResponse.js';
import { decoder, maybe, object, oneOf, string } from './decode.js';

const maybeString = /* @__PURE__ */ maybe(string);

/**
 * The POST /client/v1/events answer, checked as `eventResponseSchema` defines it.
 *
 * @example
 * const event = decodeEventResponse(await response.json())
 */
export const decodeEventResponse = /* @__PURE__ */ decoder<EventResponse>(
  /* @__PURE__ */ object({
    object: /* @__PURE__ */ oneOf('event'),
    type: string,
    customer: /* @__PURE__ */ maybe(
      /* @__PURE__ */ object({ id: maybeString, source_id: maybeString, name: maybeString, email: maybeString, object: maybeString }),
    ),
  }),
);
