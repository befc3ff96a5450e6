/** One row per setting; `value` holds JSON so each setting keeps its type. */
export interface SettingsTable {
  key: string
  value: string
}
