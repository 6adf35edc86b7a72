import type { MessageKey } from '../i18n/catalogues/types';

/**
 * A contract message is a catalogue key (`error.…`): the boundary words it in the reader's language
 * (`wordIssues`), with the limits as values. Typed, so a key missing from the catalogue
 * fails the type check.
 */
export const say = (key: MessageKey & `error.${string}`): string => key;
