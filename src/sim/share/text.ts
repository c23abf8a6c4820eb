/** The control characters a typed line never holds live in lib (the store's line editor needs them too). */
export { CONTROL_CHARS, stripControl } from '../../lib';
