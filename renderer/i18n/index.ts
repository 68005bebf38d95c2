import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import updateLocale from 'dayjs/plugin/updateLocale';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { coreMessagesEn, coreMessagesZh } from '../../electron/core/common/messages';
import { en } from './en';
import { zhCN } from './zh-CN';

export type UiLanguage = 'zh-CN' | 'en';

dayjs.extend(updateLocale);
// The office's week starts on Monday in either language (zh-cn already does; English is told).
dayjs.updateLocale('en', { weekStart: 1 });
dayjs.locale('zh-cn');

/** dayjs locale names for each UI language: date pickers show Chinese months and start weeks on Monday. */
export const dayjsLocales: Record<UiLanguage, string> = { 'zh-CN': 'zh-cn', en: 'en' };

/**
 * i18next with zh-CN by default and English second; every visible string goes through it. The core's own
 * catalogue (errors raised by key, completeness issues; core/common/messages.ts) is loaded under `core.*`.
 */
export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: { ...zhCN, core: coreMessagesZh } }, en: { translation: { ...en, core: coreMessagesEn } } },
  lng: 'zh-CN',
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** Switch the UI language: i18next, dayjs (date pickers, week start) and the page's lang; antd follows in App. */
export function setLanguage(language: UiLanguage): void {
  dayjs.locale(dayjsLocales[language]);
  if (i18n.language !== language) void i18n.changeLanguage(language);
  document.documentElement.lang = language;
}
