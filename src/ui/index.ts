export { App } from './App';
export { initI18n, pickLanguage, LANGUAGES } from './i18n';
