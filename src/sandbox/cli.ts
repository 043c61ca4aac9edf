#!/usr/bin/env node
// voucherkit-sandbox CLI: filled in by the sandbox issue.
export {};
