export { coded, localise, say, MESSAGES, type MessageCode, type ParamsOf } from "./catalogue";
export { inLanguage, sentence, type Localised } from "./entry";
export { countOf, formatCount, pluralForm, type Forms, type Lang } from "./plural";
