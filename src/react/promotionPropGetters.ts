'use client';
import type { HTMLAttributes, InputHTMLAttributes, LabelHTMLAttributes } from 'react';
import { mergeProps } from './mergeProps.js';
import type { PromotionLine } from './promotionLines.js';
import type { PromotionMessages } from './promotionMessages.js';
import { formatPromotionMessage } from './skippedReason.js';

/**
 * Prop getters of a promotion list: spread them on your elements, passing your own props through them so
 * handlers chain. A suggested line's toggle is a real checkbox with its own label.
 */
export interface PromotionPropGetters {
  /** The list (`<ul>`): named by `messages.listLabel`. */
  getListProps<T extends HTMLElement = HTMLUListElement>(props?: HTMLAttributes<T>): HTMLAttributes<T>;
  /** One line (`<li>`): `data-status` is the line's status. */
  getLineProps<T extends HTMLElement = HTMLLIElement>(line: PromotionLine, props?: HTMLAttributes<T>): HTMLAttributes<T>;
  /** A suggested (or chosen) line's checkbox: checked while chosen; a change opts in or out. */
  getToggleProps(line: PromotionLine, props?: InputHTMLAttributes<HTMLInputElement>): InputHTMLAttributes<HTMLInputElement>;
  /** The checkbox's label: `htmlFor` its id. */
  getToggleLabelProps(line: PromotionLine, props?: LabelHTMLAttributes<HTMLLabelElement>): LabelHTMLAttributes<HTMLLabelElement>;
  /** The polite live region: render it from the first render on, with `announcement` inside. */
  getStatusProps<T extends HTMLElement = HTMLDivElement>(props?: HTMLAttributes<T>): HTMLAttributes<T>;
}

/** Builds the getters over a list's id, texts and toggle. */
export function createPromotionPropGetters(
  baseId: string,
  messages: PromotionMessages,
  lang: string | undefined,
  toggle: (id: string, selected?: boolean) => void,
): PromotionPropGetters {
  const toggleId = (line: PromotionLine) => `${baseId}-toggle-${line.id.replace(/[^\w-]/g, '_')}`;
  return {
    getListProps: (props) => mergeProps({ id: baseId, 'aria-label': formatPromotionMessage(messages.listLabel, {}, lang) }, props),
    getLineProps: (line, props) => mergeProps({ 'data-status': line.status } as HTMLAttributes<never>, props),
    getToggleProps: (line, props) =>
      mergeProps<InputHTMLAttributes<HTMLInputElement>>(
        { id: toggleId(line), type: 'checkbox', checked: line.selected, onChange: (event) => toggle(line.id, event.currentTarget.checked) },
        props,
      ),
    getToggleLabelProps: (line, props) => mergeProps({ htmlFor: toggleId(line) }, props),
    getStatusProps: (props) => mergeProps({ id: `${baseId}-status`, role: 'status', 'aria-live': 'polite', 'aria-atomic': true }, props),
  };
}
