/** What POST /api/checkout answers: 200 with the placed order, 409 when a code no longer applies, 400 for bad input. */
export type CheckoutAnswer =
  | {
      ok: true;
      orderId: string;
      redeemed: string[];
      /** What was charged, from Voucherify's totals (or the cart's total without a code). */
      total: number;
      customer: { id: string; sourceId: string | null } | null;
    }
  | { ok: false; error: string; key?: string | null };
