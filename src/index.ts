// voucherkit: the React layer plus the core a React user needs. Filled in by the React layer issue.
export {
  VoucherifyError,
  isVoucherifyError,
  calculateDiscount,
  calculatePrice,
  formatDiscount,
  formatMoney,
  normalizeCode,
} from './core/index.js';
