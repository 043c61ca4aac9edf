// voucherkit/sandbox: filled in by the sandbox issue.
export {};
