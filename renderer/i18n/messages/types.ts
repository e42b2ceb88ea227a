/**
 * A language's dictionary for one area: exactly the keys of the English one, each an ICU
 * message (`{name}` a value, `{count, plural, one {…} other {…}}` a plural). A key missing
 * or added in French is a type error; the parity test checks the ICU arguments match.
 */
export type Messages<English> = Record<keyof English, string>;
