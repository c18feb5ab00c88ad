/**
 * The rules settings in force, for components that summarise an assessment (the window and threshold shown beside
 * a count must be the ones the counting used). The entry point provides the stored settings; tests get the defaults.
 */
import { createContext } from 'react';
import { DEFAULT_SETTINGS, type RuleSettings } from '#core';

export const SettingsContext = createContext<RuleSettings>(DEFAULT_SETTINGS);
