export { pickLanguage, pickPreviewLanguage, type Language } from "./pickLanguage";
export { I18nProvider, useStrings, useLanguage, type I18nProviderProps } from "./I18nProvider";
export { sv, en, stringsByLanguage, type Strings } from "./strings";
export { formatKronor, formatCount, formatDate, daysBetween } from "./format";
