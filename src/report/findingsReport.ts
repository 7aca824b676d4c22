import type { PortClassification } from '../catalog/classifyPort.ts';
import { say } from '../i18n/lang.ts';
import type { Finding, Severity } from '../validate/finding.ts';

export interface FindingsReport {
  file: string;
  port: { input: string; name: string | null; specified: boolean; specifiedPort: string | null } | null;
  findings: Finding[];
}

export function findingsReport(file: string, port: PortClassification | null, findings: Finding[]): FindingsReport {
  return {
    file,
    port: port && { input: port.input, name: port.name, specified: port.specified, specifiedPort: port.specifiedPort },
    findings,
  };
}

export const SEVERITY_LABEL: Record<Severity, { ja: string; en: string }> = {
  error: { ja: 'エラー', en: 'error' },
  warning: { ja: '警告', en: 'warning' },
  info: { ja: '情報', en: 'info' },
};

export function describePort(port: FindingsReport['port']): string {
  if (!port) return say({ ja: '港：不明', en: 'port: unknown' });
  if (!port.name) return say({ ja: `港：${port.input}（登録簿にない港）`, en: `port: ${port.input} (not in the registry)` });
  if (!port.specified) return say({ ja: `港：${port.name}（一般の港）`, en: `port: ${port.name} (general port)` });
  const part = port.name === port.specifiedPort ? '' : say({ ja: `${port.specifiedPort}の一部、`, en: `part of ${port.specifiedPort}, ` });
  return say({ ja: `港：${port.name}（${part}特定の港）`, en: `port: ${port.name} (${part}specified port)` });
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

export function formatFindingsText(report: FindingsReport): string {
  const lines = [`${report.file}  ${describePort(report.port)}`];
  for (const f of report.findings) {
    const label = say(SEVERITY_LABEL[f.severity]);
    lines.push(`  ${label} ${f.code} ${f.path}`, `    ${f.message}`);
  }
  const c = countBySeverity(report.findings);
  lines.push(
    say({
      ja: `  エラー ${c.error}件、警告 ${c.warning}件、情報 ${c.info}件`,
      en: `  ${c.error} error(s), ${c.warning} warning(s), ${c.info} info`,
    }),
  );
  return lines.join('\n');
}
