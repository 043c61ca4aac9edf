'use client';
// The English texts are the built-in defaults: this entry names them like the other packs and costs nothing more.
export { defaultMessages as enMessages } from '../react/messages.js';
