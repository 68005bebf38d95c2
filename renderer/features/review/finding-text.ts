import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { findingWords, type IntegrityFinding, type IntegrityLanguage } from '../../../electron/api/domain';

/**
 * A verify finding in the UI's language: the sentence from the i18n group `integrity.findings` (the same
 * catalog the CLI prints), its coded parameters (record kinds, roles, statuses) in words.
 */
export function useFindingText(): (problem: { code: string; line: number; params: Record<string, string | number>; message: string }) => string {
  const { t, i18n } = useTranslation();
  return useCallback(
    (problem) => {
      const language: IntegrityLanguage = i18n.language === 'en' ? 'en' : 'zh-CN';
      const key = `integrity.findings.${problem.code}`;
      if (!i18n.exists(key)) return problem.message;
      const finding = problem as IntegrityFinding;
      return t(key, { line: problem.line, ...findingWords(finding, language) });
    },
    [t, i18n],
  );
}
