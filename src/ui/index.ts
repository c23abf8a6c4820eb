export { App } from './App';
export { initI18n, pickLanguage, LANGUAGES } from './i18n';
export { EmbedApp } from './embed/EmbedApp';
export { SessionContext } from './share/session_context';
export { createSessionUi } from './share/boot';
export { onUsable } from './usable';
