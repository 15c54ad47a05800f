// 工作日历 — the Chinese working-day calendar and the date helpers deadlines and reminders are computed with.
export * from './dates.js';
export * from './working-days.js';
export { CN_CALENDAR_SOURCE, CN_CALENDAR_SOURCES } from './cn-calendar-data.js';
