import * as z from 'zod/mini';
import { optionalString } from './common.js';

/** POST /client/v1/events: the tracked event as Voucherify echoes it. */
export const eventResponseSchema = /* @__PURE__ */ z.looseObject({
  object: /* @__PURE__ */ z.literal('event'),
  type: /* @__PURE__ */ z.string(),
  customer: /* @__PURE__ */ z.optional(
    /* @__PURE__ */ z.nullable(
      /* @__PURE__ */ z.looseObject({ id: optionalString, source_id: optionalString, name: optionalString, email: optionalString, object: optionalString }),
    ),
  ),
});
/** The tracked event as Voucherify echoes it. */
export type EventResponse = z.infer<typeof eventResponseSchema>;
