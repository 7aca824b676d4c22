import { Command, CommanderError, Option } from 'commander';
import { z } from 'zod';
import { classifyPort } from '../catalog/classifyPort.ts';
import { REQUIREMENTS, VOLUME_TITLES, formatReference } from '../catalog/requirements.ts';
import { requirementsFor } from '../catalog/requirementsFor.ts';
import { type Lang, lang, say, setLang } from '../i18n/lang.ts';
import { filingSkeleton } from '../init/skeleton.ts';
import { readFiling } from '../io/readFiling.ts';
import { APPLICATION_KINDS, type ApplicationKind, filing as filingSchema } from '../model/filing.ts';
import { findingsReport, formatFindingsText } from '../report/findingsReport.ts';
import { hasErrors } from '../validate/finding.ts';
import { checkFiling } from '../validate/validate.ts';
import { runDiff } from '../diff/runDiff.ts';
import { checkTemplates } from '../templates/checkTemplates.ts';
import { collectFilingFiles, reviewFiles } from '../review/reviewFilings.ts';
import { reviewContext, reviewCsv, reviewJson, reviewText } from '../review/reviewOutputs.ts';
import { renderDocument, renderOutputs } from '../build/renderDocument.ts';
import { OutputError, writeOutputs } from '../io/writeAtomically.ts';
import { prepareOutputFolder } from '../io/outputFolder.ts';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { packageRoot } from '../util/packageRoot.ts';
import { buildFiling } from '../build/buildFiling.ts';
import { OUTPUT_FORMATS, type OutputFormat } from '../build/renderDocument.ts';
import { compileTemplates, TemplateError } from '../templates/renderTemplates.ts';
import { MarkupError } from '../document/parseMarkup.ts';
import { DEFAULT_DOCX_FONT } from '../render/docx/writeDocx.ts';

/** Exit codes: 0 fine, 1 the filing has errors, 2 the input or the arguments could not be used. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

class UsageError extends Error {}

const langOption = () => new Option('--lang <lang>', 'messages in ja or en').choices(['ja', 'en']).default('ja');
const formatOption = (formats: string[]) => new Option('--format <format>', formats.join(' | ')).choices(formats).default(formats[0]);

function applyLang(options: { lang?: string }): void {
  setLang((options.lang ?? 'ja') as Lang);
}

function print(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

function portOrFail(name: string) {
  const port = classifyPort(name);
  if (port.name === null) {
    const hint = port.suggestions.length ? say({ ja: ` もしかして ${port.suggestions.join('、')}？`, en: ` Did you mean ${port.suggestions.join(', ')}?` }) : '';
    throw new UsageError(say({ ja: `港名「${name}」は登録簿にありません。${hint}`, en: `port "${name}" is not in the registry.${hint}` }));
  }
  return port;
}

function packageVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

/** "docx,pdf" → ['docx', 'pdf'], refusing names that are not among `allowed`. */
function parseFormats(raw: string, allowed: readonly string[]): string[] {
  const formats = [...new Set(raw.split(',').map((f) => f.trim()).filter(Boolean))];
  const unknown = formats.filter((f) => !allowed.includes(f));
  if (unknown.length || !formats.length)
    throw new UsageError(say({ ja: `--format には ${allowed.join(',')} から指定してください（${unknown.join(',')}）`, en: `--format takes ${allowed.join(',')} (not ${unknown.join(',')})` }));
  return formats;
}

export function buildProgram(): Command {
  const program = new Command('tos-filing')
    .description('港湾運送事業の事業計画（TOSの概要・情報セキュリティ）を検証し、提出書類を作成します')
    .version(packageVersion(), '-V, --version')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  program
    .command('validate')
    .description('届出ファイル（YAML/JSON）を検証し、その港で不足している強制要件を示します')
    .argument('<file>', 'filing file (.yaml / .yml / .json)')
    .addOption(formatOption(['text', 'json']))
    .addOption(langOption())
    .action((file: string, options: { format: string; lang: string }) => {
      applyLang(options);
      const read = readFiling(file);
      if (!read.ok) throw new UsageError(`${file}: ${read.message}`);
      const { port, findings } = checkFiling(read.data);
      const report = findingsReport(file, port, findings);
      print(options.format === 'json' ? JSON.stringify(report, null, 2) : formatFindingsText(report, options.lang as Lang));
      process.exitCode = hasErrors(findings) ? EXIT.findings : EXIT.ok;
    });

  program
    .command('build')
    .description('検証のうえ、提出用の書類（.docx と .pdf）を作成します。エラーがあれば何も書き出しません')
    .argument('<file>', 'filing file (.yaml / .yml / .json)')
    .option('--out <dir>', 'output folder', 'out')
    .option('--format <formats>', 'docx,pdf', 'docx,pdf')
    .option('--templates <dir>', 'templates folder (a copy of templates/ edited by you)')
    .option('--draft', 'build anyway and mark every gap as 【未記入】 / 【要確認】', false)
    .option('--docx-font <name>', 'Mincho font name for Word', DEFAULT_DOCX_FONT)
    .addOption(langOption())
    .action(async (file: string, options: { out: string; format: string; templates?: string; draft: boolean; docxFont: string; lang: string }) => {
      applyLang(options);
      const formats = parseFormats(options.format, OUTPUT_FORMATS);
      prepareOutputFolder(options.out);
      const templates = compileTemplates(options.templates);
      const result = await buildFiling(file, {
        outDir: options.out,
        formats: formats as OutputFormat[],
        templates,
        draft: options.draft,
        docxFont: options.docxFont,
      });
      if (result.status === 'unreadable') throw new UsageError(`${file}: ${result.message}`);
      const report = findingsReport(file, result.port, result.findings);
      if (result.status === 'invalid') {
        process.stderr.write(`${formatFindingsText(report, options.lang as Lang)}\n`);
        process.stderr.write(say({ ja: 'エラーがあるため書類を作成しませんでした（--draft で下書きを作成できます）。\n', en: 'Errors found: no documents were written (use --draft for a draft).\n' }));
        process.exitCode = EXIT.findings;
        return;
      }
      if (result.findings.length) process.stderr.write(`${formatFindingsText(report, options.lang as Lang)}\n`);
      for (const path of result.written) print(path);
      process.exitCode = EXIT.ok;
    });

  program
    .command('diff')
    .description('2つの届出ファイルを比較し、新旧対照表（.docx / .pdf）と変更の一覧（json）を作成します')
    .argument('<before>', 'filing before the change')
    .argument('<after>', 'filing after the change')
    .option('--out <dir>', 'output folder for documents', 'out')
    .option('--format <formats>', 'docx,pdf,json (json is printed to stdout)', 'docx,pdf')
    .option('--templates <dir>', 'templates folder')
    .addOption(langOption())
    .action(async (beforeFile: string, afterFile: string, options: { out: string; format: string; templates?: string; lang: string }) => {
      applyLang(options);
      const formats = parseFormats(options.format, ['docx', 'pdf', 'json']);
      if (formats.some((f) => f !== 'json')) prepareOutputFolder(options.out);
      const result = await runDiff(beforeFile, afterFile, {
        outDir: options.out,
        documents: formats.filter((f): f is OutputFormat => f !== 'json'),
        templates: compileTemplates(options.templates),
      });
      if (result.status === 'unreadable') throw new UsageError(`${result.file}: ${result.message}`);
      if (result.status === 'invalid') {
        process.stderr.write(`${formatFindingsText(findingsReport(result.file, result.port, result.findings), options.lang as Lang)}\n`);
        process.stderr.write(say({ ja: `${result.file} にエラーがあるため比較しませんでした。\n`, en: `${result.file} has errors: not compared.\n` }));
        process.exitCode = EXIT.findings;
        return;
      }
      const { diff } = result;
      if (formats.includes('json')) {
        const changes = diff.changes.map(({ segments: _s, ...c }) => c);
        print(JSON.stringify({ before: beforeFile, after: afterFile, alerts: diff.alerts, changes }, null, 2));
      } else {
        const lines = [
          say({ ja: `変更 ${diff.changes.length}件、審査上留意すべき変更 ${diff.alerts.length}件`, en: `${diff.changes.length} change(s), ${diff.alerts.length} alert(s)` }),
          ...diff.alerts.map((a) => `  ! ${a.code} ${a.message}`),
          ...diff.changes.map((c) => `  ${c.kind.padEnd(9)} ${c.path}${c.beforePath ? ` (← ${c.beforePath})` : ''}`),
          ...result.written,
        ];
        print(lines.join('\n'));
      }
      process.exitCode = EXIT.ok;
    });

  program
    .command('review')
    .description('複数の届出ファイルを検証し、要件ごとの審査一覧（text / csv / json / docx / pdf）を作成します')
    .argument('<paths...>', 'filing files or folders (searched recursively for .yaml / .yml / .json)')
    .option('--out <dir>', 'output folder for csv, json, docx and pdf', 'out')
    .option('--format <formats>', 'text,csv,json,docx,pdf', 'text')
    .option('--templates <dir>', 'templates folder')
    .addOption(langOption())
    .action(async (paths: string[], options: { out: string; format: string; templates?: string; lang: string }) => {
      applyLang(options);
      const formats = parseFormats(options.format, ['text', 'csv', 'json', 'docx', 'pdf']);
      if (formats.some((f) => f !== 'text')) prepareOutputFolder(options.out);
      const files = collectFilingFiles(paths, { outDir: options.out });
      if (!files.length) throw new UsageError(say({ ja: `届出ファイルが見つかりません：${paths.join(' ')}`, en: `no filing files found in ${paths.join(' ')}` }));
      const progress = process.stderr.isTTY
        ? (done: number, total: number, file: string) => process.stderr.write(`\r[${done}/${total}] ${file}`.padEnd(80).slice(0, 120))
        : undefined;
      const rows = reviewFiles(files, progress);
      if (progress) process.stderr.write('\n');
      const outputs: { path: string; bytes: Uint8Array }[] = [];
      const encode = (text: string) => new TextEncoder().encode(text);
      if (formats.includes('csv')) outputs.push({ path: join(options.out, 'review.csv'), bytes: encode(reviewCsv(rows)) });
      if (formats.includes('json')) outputs.push({ path: join(options.out, 'review.json'), bytes: encode(`${reviewJson(rows)}\n`) });
      const documents = formats.filter((f): f is OutputFormat => f === 'docx' || f === 'pdf');
      if (documents.length) {
        const tree = renderDocument(compileTemplates(options.templates), 'review', reviewContext(rows));
        for (const [format, bytes] of await renderOutputs(tree, documents)) outputs.push({ path: join(options.out, `review.${format}`), bytes });
      }
      await writeOutputs(outputs, { inputs: files });
      if (formats.includes('text')) print(reviewText(rows, options.lang as Lang));
      for (const o of outputs) print(o.path);
      process.exitCode = rows.some((r) => r.errors > 0) ? EXIT.findings : EXIT.ok;
    });

  program
    .command('templates')
    .description('テンプレートの管理')
    .command('check')
    .description('編集したテンプレートがサンプルの届出で書類を作れ、その港の要件がすべて記載されるかを確認します')
    .argument('<dir>', 'templates folder (a copy of templates/)')
    .addOption(langOption())
    .action(async (dir: string, options: { lang: string }) => {
      applyLang(options);
      const results = await checkTemplates(dir);
      const lines: string[] = [];
      for (const r of results) {
        lines.push(`${r.sample}: ${r.missing.length ? say({ ja: `要件 ${r.missing.length}件が書類にありません`, en: `${r.missing.length} requirement(s) missing from the document` }) : 'OK'}`);
        for (const m of r.missing) {
          const what = { title: say({ ja: '見出し', en: 'title' }), measure: say({ ja: '措置の記載', en: 'measure text' }), both: say({ ja: '見出しと措置の記載', en: 'title and measure text' }) }[m.lacks];
          lines.push(`  ${m.id}（${m.title}）: ${what}`);
        }
      }
      print(lines.join('\n'));
      process.exitCode = results.some((r) => r.missing.length) ? EXIT.findings : EXIT.ok;
    });

  program
    .command('catalog')
    .description('強制要件の一覧（--port でその港に適用されるもの）')
    .option('--port <name>', 'port name, e.g. 横浜港')
    .addOption(formatOption(['text', 'json']))
    .addOption(langOption())
    .action((options: { port?: string; format: string; lang: string }) => {
      applyLang(options);
      const list = options.port ? requirementsFor(portOrFail(options.port)) : [...REQUIREMENTS];
      if (options.format === 'json') {
        const rows = list.map((r) => ({
          id: r.id,
          scope: r.scope,
          title: r.title,
          references: r.references.map((ref) => ({ ...ref, volumeTitle: VOLUME_TITLES[ref.volume][lang()] })),
        }));
        print(JSON.stringify(rows, null, 2));
        return;
      }
      const scopeLabel = (s: string) => (s === 'all' ? say({ ja: '全ての港', en: 'all ports' }) : say({ ja: '特定の港', en: 'specified ports' }));
      print(
        list
          .map((r) => `${r.id}  [${scopeLabel(r.scope)}]\n  ${r.title}\n  ${r.references.map((ref) => formatReference(ref, lang())).join(' / ')}`)
          .join('\n'),
      );
    });

  program
    .command('init')
    .description('その港で記載が必要な項目をすべて含む、記入用のYAMLひな形を出力します')
    .requiredOption('--port <name>', 'port name, e.g. 横浜港')
    .addOption(new Option('--kind <kind>', 'application kind').choices([...APPLICATION_KINDS]).default('new-license'))
    .addOption(langOption())
    .action((options: { port: string; kind: ApplicationKind; lang: string }) => {
      applyLang(options);
      const today = new Date().toISOString().slice(0, 10);
      print(filingSkeleton(portOrFail(options.port), options.kind, today));
    });

  program
    .command('schema')
    .description('届出ファイルの JSON Schema（エディタの補完用）')
    .action(() => {
      const schema = z.toJSONSchema(filingSchema, { io: 'input' });
      print(JSON.stringify({ ...schema, $id: 'https://tos-filing.invalid/filing.schema.json' }, null, 2));
    });

  return program;
}

export async function main(argv: readonly string[]): Promise<number> {
  process.exitCode = EXIT.ok;
  try {
    await buildProgram().parseAsync([...argv], { from: 'user' });
    return Number(process.exitCode ?? 0);
  } catch (err) {
    if (err instanceof CommanderError) {
      // help and version end here with code 0; anything else is a usage error
      return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (err instanceof UsageError || err instanceof TemplateError || err instanceof MarkupError || err instanceof OutputError) {
      process.stderr.write(`tos-filing: ${err.message}\n`);
      return EXIT.usage;
    }
    process.stderr.write(`tos-filing: ${say({ ja: '内部エラー', en: 'internal error' })}: ${(err as Error).message}\n`);
    if (process.env.TOS_FILING_DEBUG) process.stderr.write(`${(err as Error).stack}\n`);
    return 70;
  }
}

