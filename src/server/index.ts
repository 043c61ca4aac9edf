// voucherkit/server: filled in by the server issue.
export {};
