import * as React from "react";
import type { Language } from "./pickLanguage";
import { stringsByLanguage, type Strings } from "./strings";

interface I18nValue {
  language: Language;
  strings: Strings;
}

const I18nContext = React.createContext<I18nValue>({ language: "sv", strings: stringsByLanguage.sv });

export interface I18nProviderProps {
  language: Language;
  children?: React.ReactNode;
}

/** Makes the strings of one language available to `useStrings()` below it. */
export function I18nProvider({ language, children }: I18nProviderProps): React.JSX.Element {
  const value = React.useMemo<I18nValue>(() => ({ language, strings: stringsByLanguage[language] }), [language]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The strings of the current language (Swedish outside any provider). */
export function useStrings(): Strings {
  return React.useContext(I18nContext).strings;
}

/** The current language, `'sv'` or `'en'`. */
export function useLanguage(): Language {
  return React.useContext(I18nContext).language;
}
