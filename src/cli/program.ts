import { closeSync, existsSync, openSync, readFileSync, readSync, realpathSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import type { BuildOutcome } from '../app/build.ts';
import type { FilingSource, OutputFile } from '../app/source.ts';
import type { ExtractFormat } from '../app/extract.ts';
import type { ImportFormat } from '../app/import.ts';
import { REVIEW_FORMATS } from '../app/reviewFormats.ts';
import type { SourceRead } from '../readers/readSource.ts';
import type { PortRequest } from '../app/newFilingPort.ts';
import { OutputError } from '../io/outputError.ts';
import { forTerminal } from '../util/terminalText.ts';
import { japaneseError, japaneseHelp } from './japaneseHelp.ts';
import { enumValues } from '../model/enums.ts';
import type { ApplicationKind } from '../model/filing.ts';
import { DEFAULT_DOCX_FONT } from '../render/docx/docxFont.ts';
import { DOCUMENT_FORMATS } from '../render/registry.ts';
import { TemplateError } from '../templates/templateError.ts';
import { parseBureau, unknownBureauMessage } from '../review/bureauFilter.ts';
import { noticeSummary } from '../review/noticeSummary.ts';
import { type Lang, inLang } from '../util/lang.ts';
import { packageRoot } from '../platform/packageRoot.ts';
import type * as CommandModules from './commandModules.ts';

let loaded: typeof CommandModules | undefined;
/** The modules the commands run on: loaded before a command's action runs, never for --help or --version. */
function commandModules(): typeof CommandModules {
  if (!loaded) throw new Error('command modules used before a command was chosen');
  return loaded;
}

/** Exit codes: 0 fine, 1 the filing has errors, 2 the input or the arguments could not be used. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

/** The bundled sample filings that `templates check` renders. */
const SAMPLES_DIR = join(packageRoot(), 'fixtures', 'sample');

class UsageError extends Error {}

const langOption = () => new Option('--lang <lang>', 'メッセージの言語（ja: 日本語 / en: 英語）。書類は常に日本語').choices(['ja', 'en']).default('ja');
const formatOption = (formats: string[], help: string) => new Option('--format <format>', help).choices(formats).default(formats[0]);

function print(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

/** The port a command starts from, or a usage error with the closest names and the way on (newFilingPort.ts). */
function portOrFail(request: PortRequest, lang: Lang) {
  const { choosePort } = commandModules();
  const choice = choosePort(request, lang);
  if (!choice.ok) throw new UsageError(choice.message);
  for (const note of choice.notes) process.stderr.write(`${forTerminal(note)}\n`);
  return choice;
}

const unlistedOption = (help = '登録簿にない港（港湾運送事業法の指定港以外の港）として始めます') => new Option('--unlisted', help);
const prefectureOption = () => new Option('--prefecture <name>', '--unlisted のとき、港の所在する都道府県（例：岩手県）。宛先をその都道府県を管轄する運輸局等にします');

/** 'pdf' / 'docx' for a file that starts as one (%PDF-, a zip), else null (absent, a folder, text). */
function documentKind(file: string): 'pdf' | 'docx' | null {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const head = new Uint8Array(5);
    const n = readSync(fd, head, 0, 5, 0);
    const ascii = String.fromCharCode(...head.subarray(0, n));
    return ascii.startsWith('%PDF-') ? 'pdf' : ascii.startsWith('PK\u0003\u0004') ? 'docx' : null;
  } catch {
    return null;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** plan.docx → plan (for the name of the draft a message suggests). */
const stemOfPath = (file: string) => file.replace(/\.[^./\\]+$/, '');

function packageVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

/** "docx,pdf" → ['docx', 'pdf'], refusing names that are not among `allowed`. */
function parseFormats<F extends string>(raw: string, allowed: readonly F[], lang: Lang): F[] {
  const formats = [...new Set(raw.split(',').map((f) => f.trim()).filter(Boolean))];
  const unknown = formats.filter((f) => !(allowed as readonly string[]).includes(f));
  if (unknown.length || !formats.length)
    throw new UsageError(inLang({ ja: `--format には ${allowed.join(',')} から指定してください（${unknown.join(',')}）`, en: `--format takes ${allowed.join(',')} (not ${unknown.join(',')})` }, lang));
  return formats as F[];
}

/** Reads a filing (YAML, JSON, or a .pdf/.docx that carries one) or stops with the reader's message (exit 2). */
async function sourceOf(file: string): Promise<Extract<SourceRead, { ok: true }> & FilingSource> {
  const { readSource } = commandModules();
  const read = await readSource(file);
  if (!read.ok) throw new UsageError(`${file}: ${read.message}`);
  return read;
}

/** The agent of an office file (`--agent`), or a usage error (exit 2) naming the file and each field it gets wrong. */
function officeAgentOf(file: string, lang: Lang): Record<string, unknown> {
  const { officeAgent, readFiling } = commandModules();
  const read = readFiling(file);
  if (!read.ok) throw new UsageError(`${file}: ${read.message}`);
  const office = officeAgent(file, read.data, lang);
  if (!office.ok) throw new UsageError(office.message);
  return office.agent;
}

const realOrNull = (file: string) => {
  try {
    return realpathSync(file);
  } catch {
    return null;
  }
};

/** Writes a command's outputs into the folder, atomically, refusing any that would replace one of the inputs. */
async function write(outDir: string, outputs: readonly OutputFile[], inputs: readonly string[]): Promise<string[]> {
  const { writeOutputs } = commandModules();
  const files = outputs.map((o) => ({ path: join(outDir, o.name), bytes: o.bytes }));
  await writeOutputs(files, { inputs });
  return files.map((f) => f.path);
}

/** Where each input's outputs go: by file name, or by the path below the inputs' common folder when names clash. */
function outputPrefixes(files: readonly string[]): Map<string, string> {
  const { stemOf } = commandModules();
  const stems = files.map(stemOf);
  const clash = new Set(stems).size !== stems.length;
  if (!clash) return new Map(files.map((f) => [f, '']));
  const dirs = files.map((f) => dirname(f));
  let common = dirs[0] ?? '.';
  while (!dirs.every((d) => d === common || d.startsWith(common + sep)) && common !== dirname(common)) common = dirname(common);
  return new Map(files.map((f) => [f, relative(common, dirname(f))]));
}

const progressOnTerminal = () =>
  process.stderr.isTTY ? (done: number, total: number, file: string) => process.stderr.write(forTerminal(`\r[${done}/${total}] ${file}`.padEnd(80).slice(0, 120)).replace(/^/, '\r')) : undefined;

export function buildProgram(): Command {
  const program = new Command('tos-filing')
    .description('港湾運送事業の事業計画（TOSの概要・情報セキュリティ）を検証し、提出書類を作成します')
    .version(packageVersion(), '-V, --version', 'バージョンを表示します')
    .helpOption('-h, --help', 'この説明を表示します')
    .helpCommand('help [command]', 'コマンドの説明を表示します')
    .exitOverride()
    .hook('preAction', async () => {
      if (!loaded) {
        loaded = await import('./commandModules.ts');
        loaded.installNodeHost();
      }
    })
    .configureHelp(japaneseHelp)
    .configureOutput({ writeErr: (s) => process.stderr.write(s), outputError: (s, write) => write(japaneseError(s)) });

  program
    .command('validate')
    .description('届出ファイル（YAML/JSON、または tos-filing で作成した .pdf / .docx）を検証し、その港で不足している強制要件を示します')
    .argument('<file>', '届出ファイル（.yaml / .yml / .json）、または tos-filing で作成した書類（.pdf / .docx）')
    .addOption(formatOption(['text', 'json'], '出力の形式（text: 文章 / json: JSON）'))
    .addOption(langOption())
    .action(async (file: string, options: { format: string; lang: Lang }) => {
      const { checkRead, findingsReport, formatFindingsText, hasErrors } = commandModules();
      const read = await sourceOf(file);
      const { port, findings } = checkRead(read);
      const report = findingsReport(file, port, findings, options.lang);
      // a hand-typed plan: say first that what follows is a screening of its text, not a check of declared data
      const screened = read.carrier?.document === 'plan' && options.format !== 'json';
      if (screened)
        print(inLang({ ja: `【スクリーニング（推定）】${file} は tos-filing で作成されていない書類です。本文を読み取って要件の記載を探した結果で、申請者が記入した届出データの検証ではありません。`, en: `[screening] ${file} was not made by tos-filing: its text was screened for the requirements; this is not a check of declared data.` }, options.lang));
      print(options.format === 'json' ? JSON.stringify(report, null, 2) : formatFindingsText(report, options.lang));
      process.exitCode = hasErrors(findings) ? EXIT.findings : EXIT.ok;
    });

  program
    .command('build')
    .description('検証のうえ、提出用の書類（.docx と .pdf）を作成します。エラーのあるファイルは何も書き出しません。ファイルやフォルダを複数指定できます')
    .argument('<paths...>', '届出ファイル、またはそれを含むフォルダ（.yaml / .yml / .json を再帰的に探します）')
    .option('--out <dir>', '出力先のフォルダ', 'out')
    .option('--format <formats>', `作成する書類（${DOCUMENT_FORMATS.join(',')} から、カンマ区切り）`, DOCUMENT_FORMATS.join(','))
    .option('--templates <dir>', 'テンプレートのフォルダ（templates/ をコピーして編集したもの）')
    .option('--draft', 'エラーがあっても下書きとして作成し、不足箇所を【未記入】【要確認】で示します', false)
    .option('--docx-font <name>', 'Word で使う明朝体のフォント名', DEFAULT_DOCX_FONT)
    .option('--redact', '共有用の非開示版（<ファイル名>.redacted.docx / .pdf）も作成します。IPアドレス・ホスト名・メールアドレス・電話番号・担当者の氏名を【非開示】に置き換えます', false)
    .option('--agent <office.yaml>', '事務所ファイル（代理人の資格・氏名・事務所・登録番号など）。代理人のない届出はこの代理人で作成します（届出の代理人が優先）。代理人のある届出では委任状（<ファイル名>.委任状.docx / .pdf）も作成します')
    .addOption(langOption())
    .action(async (paths: string[], options: { out: string; format: string; templates?: string; draft: boolean; docxFont: string; redact: boolean; agent?: string; lang: Lang }) => {
      const { buildFiling, collectFilingFiles, compileTemplates, pdfWriter, powerOfAttorneyTemplateMissing, prepareOutputFolder, readSource, withOfficeAgent } = commandModules();
      const lang = options.lang;
      const formats = parseFormats(options.format, DOCUMENT_FORMATS, lang);
      // with the .docx to write as well, the PDFs are written on a second thread, started before the filings are read
      const pdf = formats.includes('pdf') && formats.length > 1 ? pdfWriter() : undefined;
      const elsewhere = pdf ? { pdf: pdf.write } : undefined;
      const office = options.agent === undefined ? undefined : officeAgentOf(options.agent, lang);
      const templates = compileTemplates(options.templates);
      // every filing built through the office's agent has a 委任状: a folder without its template stops before anything is written
      const noPowerOfAttorney = office ? powerOfAttorneyTemplateMissing(templates) : null;
      if (noPowerOfAttorney) throw noPowerOfAttorney;
      prepareOutputFolder(options.out);
      // the office file may lie in the folder of the filings it serves: it is not one of them
      const officeFile = options.agent === undefined ? null : realpathSync(options.agent);
      const files = collectFilingFiles(paths, { outDir: options.out }).filter((f) => officeFile === null || realOrNull(f) !== officeFile);
      if (!files.length) throw new UsageError(inLang({ ja: `届出ファイルが見つかりません：${paths.join(' ')}`, en: `no filing files found in ${paths.join(' ')}` }, lang));
      const prefixes = outputPrefixes(files);
      const progress = files.length > 1 ? progressOnTerminal() : undefined;
      let failed = 0;
      let unreadable = 0;
      for (const [i, file] of files.entries()) {
        progress?.(i + 1, files.length, file);
        const read = await readSource(file);
        if (!read.ok) {
          if (files.length === 1) throw new UsageError(`${file}: ${read.message}`);
          process.stderr.write(`${file}: ${read.message}\n`);
          unreadable++;
          continue;
        }
        const outcome = await buildFiling({ file, data: withOfficeAgent(read.data, office) }, { formats, templates, draft: options.draft, docxFont: options.docxFont, redact: options.redact, elsewhere });
        const inputs = options.agent === undefined ? [file] : [file, options.agent];
        if (!(await reportBuild(outcome, join(options.out, prefixes.get(file) ?? ''), lang, Boolean(options.draft), inputs))) failed++;
      }
      if (progress) process.stderr.write('\n');
      if (files.length > 1 && (failed || unreadable))
        process.stderr.write(inLang({ ja: `${files.length}件中 ${failed + unreadable}件は作成できませんでした。\n`, en: `${failed + unreadable} of ${files.length} file(s) were not built.\n` }, lang));
      process.exitCode = unreadable ? EXIT.usage : failed ? EXIT.findings : EXIT.ok;
    });

  async function reportBuild(outcome: BuildOutcome, outDir: string, lang: Lang, draft: boolean, inputs: string[]): Promise<boolean> {
    const { findingsReport, formatFindingsText } = commandModules();
    const report = findingsReport(outcome.file, outcome.port, outcome.findings, lang);
    if (outcome.status === 'invalid') {
      process.stderr.write(`${formatFindingsText(report, lang)}\n`);
      process.stderr.write(
        draft
          ? inLang({ ja: `${outcome.file}：下書きも作成できませんでした。選択肢にない値・一覧の形・読めない日付のエラーを先に直してください（空欄は下書きで【未記入】と示されます）。\n`, en: `${outcome.file}: not even a draft could be made: correct values that are not among the choices, list shapes and unreadable dates first (blanks are marked in a draft).\n` }, lang)
          : inLang({ ja: `${outcome.file}：エラーがあるため書類を作成しませんでした（--draft で下書きを作成できます）。\n`, en: `${outcome.file}: errors found, no documents were written (use --draft for a draft).\n` }, lang),
      );
      return false;
    }
    if (outcome.findings.length) process.stderr.write(`${formatFindingsText(report, lang)}\n`);
    for (const path of await write(outDir, outcome.outputs, inputs)) print(path);
    return true;
  }

  program
    .command('diff')
    .description('2つの届出ファイルを比較し、新旧対照表（.docx / .pdf）と変更の一覧（json）を作成します')
    .argument('<before>', '変更前の届出ファイル（または tos-filing で作成した .pdf / .docx）')
    .argument('<after>', '変更後の届出ファイル（または tos-filing で作成した .pdf / .docx）')
    .option('--out <dir>', '新旧対照表の出力先のフォルダ', 'out')
    .option('--format <formats>', `作成するもの（${[...DOCUMENT_FORMATS, 'json'].join(',')} から、カンマ区切り。json は標準出力）`, DOCUMENT_FORMATS.join(','))
    .option('--templates <dir>', 'テンプレートのフォルダ')
    .addOption(langOption())
    .action(async (beforeFile: string, afterFile: string, options: { out: string; format: string; templates?: string; lang: Lang }) => {
      const { compareFilings, compileTemplates, findingsReport, formatFindingsText, isDocumentFormat } = commandModules();
      const lang = options.lang;
      const formats = parseFormats(options.format, [...DOCUMENT_FORMATS, 'json'], lang);
      const outcome = await compareFilings(await sourceOf(beforeFile), await sourceOf(afterFile), {
        documents: formats.filter(isDocumentFormat),
        templates: compileTemplates(options.templates),
      });
      if (outcome.status === 'invalid') {
        process.stderr.write(`${formatFindingsText(findingsReport(outcome.file, outcome.port, outcome.findings, lang), lang)}\n`);
        process.stderr.write(inLang({ ja: `${outcome.file} にエラーがあるため比較しませんでした。\n`, en: `${outcome.file} has errors: not compared.\n` }, lang));
        process.exitCode = EXIT.findings;
        return;
      }
      const { diff } = outcome;
      const written = await write(options.out, outcome.outputs, [beforeFile, afterFile]);
      if (formats.includes('json')) {
        const changes = diff.changes.map(({ segments: _s, ...c }) => c);
        const alerts = diff.alerts.map(({ text, ...a }) => ({ ...a, message: text[lang] }));
        print(JSON.stringify({ before: beforeFile, after: afterFile, alerts, changes }, null, 2));
      } else {
        const kind = { added: { ja: '追加', en: 'added' }, removed: { ja: '削除', en: 'removed' }, changed: { ja: '変更', en: 'changed' }, reordered: { ja: '順序の変更', en: 'reordered' } };
        const lines = [
          inLang({ ja: `変更 ${diff.changes.length}件、審査上留意すべき変更 ${diff.alerts.length}件`, en: `${diff.changes.length} change(s), ${diff.alerts.length} alert(s)` }, lang),
          ...diff.alerts.map((a) => `  ! ${a.text[lang]}`),
          ...diff.changes.map((c) => `  ${inLang(kind[c.kind], lang)}　${c.path}${c.beforePath ? ` (← ${c.beforePath})` : ''}`),
          ...written,
        ];
        print(forTerminal(lines.join('\n')));
      }
      process.exitCode = EXIT.ok;
    });

  program
    .command('review')
    .description(`複数の届出ファイルを検証し、要件ごとの審査一覧（${REVIEW_FORMATS.join(' / ')}）を作成します`)
    .argument('<paths...>', '届出ファイルや受け取った書類、またはそれを含むフォルダ（.yaml / .yml / .json / .pdf / .docx を再帰的に探します）')
    .option('--out <dir>', `${REVIEW_FORMATS.filter((f) => f !== 'text').join('・')} の出力先のフォルダ`, 'out')
    .option('--format <formats>', `作成するもの（${REVIEW_FORMATS.join(',')} から、カンマ区切り。text は標準出力）`, 'text')
    .option('--notice', 'エラーのある届出ごとに、補正のお願いの案（<ファイル名>.notice.docx / .pdf）を作成します', false)
    .option('--bureau <name>', '審査する地方運輸局等（例：九州運輸局）。宛先が他の局の届出に、その旨の警告を付けます')
    .option('--templates <dir>', 'テンプレートのフォルダ')
    .addOption(langOption())
    .action(async (paths: string[], options: { out: string; format: string; notice: boolean; bureau?: string; templates?: string; lang: Lang }) => {
      const { collectFilingFiles, compileTemplates, isDocumentFormat, readSource, reviewFilings, reviewText } = commandModules();
      const lang = options.lang;
      const formats = parseFormats(options.format, REVIEW_FORMATS, lang);
      const bureau = options.bureau === undefined ? undefined : parseBureau(options.bureau);
      if (bureau === null) throw new UsageError(unknownBureauMessage(options.bureau!));
      const files = collectFilingFiles(paths, { documents: true, outDir: options.out });
      if (!files.length) throw new UsageError(inLang({ ja: `届出ファイルが見つかりません：${paths.join(' ')}`, en: `no filing files found in ${paths.join(' ')}` }, lang));
      const progress = progressOnTerminal();
      const reads: { file: string; read: SourceRead }[] = [];
      for (const file of files) reads.push({ file, read: await readSource(file) });
      const needsTemplates = formats.some(isDocumentFormat) || options.notice;
      const { rows, outputs } = await reviewFilings(reads, {
        formats,
        templates: needsTemplates ? compileTemplates(options.templates) : undefined,
        notice: options.notice,
        lang,
        bureau,
        onProgress: progress,
      });
      if (progress) process.stderr.write('\n');
      const written = await write(options.out, outputs, files);
      if (formats.includes('text')) print(reviewText(rows, lang));
      for (const path of written) print(path);
      const noNotice = options.notice ? noticeSummary(rows, lang) : null;
      if (noNotice) print(forTerminal(noNotice));
      // as build, validate and extract: a file that gives no filing (unreadable, or a document without data) is 2
      process.exitCode = rows.some((r) => r.state === 'unreadable') ? EXIT.usage : rows.some((r) => r.errors > 0) ? EXIT.findings : EXIT.ok;
    });

  program
    .command('extract')
    .description('tos-filing で作成した書類（.pdf / .docx）に含まれる届出データを出力します')
    .argument('<document>', '書類（.pdf / .docx）')
    .addOption(formatOption(['yaml', 'json'], '出力の形式（yaml / json）'))
    .option('--before', '新旧対照表では変更前の届出データを出力します（既定は変更後）', false)
    .addOption(langOption())
    .action(async (file: string, options: { format: ExtractFormat; before: boolean; lang: Lang }) => {
      const { extractFiling } = commandModules();
      const outcome = extractFiling(await sourceOf(file), { format: options.format, before: options.before });
      if (outcome.status === 'not-a-document')
        throw new UsageError(inLang({ ja: `${file}: 書類（.pdf / .docx）を指定してください（届出ファイルはそのまま使えます）`, en: `${file}: give a .pdf or .docx document` }, options.lang));
      if (outcome.status === 'hand-typed')
        throw new UsageError(
          inLang({ ja: `${file}: この書類には tos-filing の届出データが含まれていません（tos-filing で作成されていない書類です）。本文から下書きを作るには tos-filing import を使ってください`, en: `${file}: no tos-filing data in this document; use tos-filing import to make a draft from its text` }, options.lang),
        );
      process.stdout.write(outcome.text);
    });

  program
    .command('import')
    .description('tos-filing で作成していない事業計画（手で作成した .docx、文字を含む .pdf）の本文を読み取り、届出ファイルの下書きを作成します')
    .argument('<plan>', '事業計画の書類（.docx / .pdf）')
    .addOption(formatOption(['yaml', 'json'], '出力の形式（yaml / json）'))
    .option('--out <file>', '下書きを書き出すファイル（省略すると標準出力）')
    .addOption(langOption())
    .action(async (file: string, options: { format: ImportFormat; out?: string; lang: Lang }) => {
      const { importPlan, writeOutputs } = commandModules();
      const outcome = importPlan(await sourceOf(file), { format: options.format });
      if (outcome.status === 'not-a-plan')
        throw new UsageError(
          outcome.why === 'filing'
            ? inLang({ ja: `${file}: 届出ファイルです。そのまま validate・build・edit で使えます（import は書類（.docx / .pdf）を読みます）`, en: `${file}: this is a filing already; import reads documents (.docx / .pdf)` }, options.lang)
            : inLang({ ja: `${file}: tos-filing で作成した書類です。届出データは tos-filing extract で取り出せます`, en: `${file}: made by tos-filing; use tos-filing extract for its data` }, options.lang),
        );
      process.stderr.write(forTerminal(outcome.report));
      if (options.out) {
        await writeOutputs([{ path: options.out, bytes: new TextEncoder().encode(outcome.text) }], { inputs: [file] });
        print(options.out);
      } else process.stdout.write(outcome.text);
      process.exitCode = EXIT.ok;
    });

  program
    .command('templates')
    .description('テンプレートの管理')
    .command('check')
    .description('編集したテンプレートがサンプルの届出で書類を作れ、その港の要件がすべて記載されるかを確認します')
    .argument('<dir>', 'テンプレートのフォルダ（templates/ をコピーしたもの）')
    .addOption(langOption())
    .action(async (dir: string, options: { lang: Lang }) => {
      const { checkTemplates, collectFilingFiles, compileTemplates } = commandModules();
      const lang = options.lang;
      const templates = compileTemplates(dir);
      templates.checkAll();
      const samples = [];
      for (const file of collectFilingFiles([SAMPLES_DIR])) samples.push(await sourceOf(file));
      const results = await checkTemplates(templates, samples);
      const lines: string[] = [];
      for (const r of results) {
        lines.push(`${relative(SAMPLES_DIR, r.sample)}: ${r.missing.length ? inLang({ ja: `要件 ${r.missing.length}件が書類にありません`, en: `${r.missing.length} requirement(s) missing from the document` }, lang) : 'OK'}`);
        for (const m of r.missing) {
          const what = { title: { ja: '見出し', en: 'title' }, measure: { ja: '措置の記載', en: 'measure text' }, both: { ja: '見出しと措置の記載', en: 'title and measure text' } }[m.lacks];
          lines.push(`  「${m.title}」: ${inLang(what, lang)}`);
        }
      }
      print(lines.join('\n'));
      process.exitCode = results.some((r) => r.missing.length) ? EXIT.findings : EXIT.ok;
    });

  program
    .command('catalog')
    .description('強制要件の一覧（--port でその港に適用されるもの）')
    .option('--port <name>', '港名（例：横浜港）')
    .addOption(unlistedOption('登録簿にない港（港湾運送事業法の指定港以外の港）として、一般の港の要件を示します'))
    .addOption(formatOption(['text', 'json'], '出力の形式（text / json）'))
    .addOption(langOption())
    .action((options: { port?: string; unlisted?: boolean; format: string; lang: Lang }) => {
      const { REQUIREMENTS, SCOPE_LABELS, VOLUME_TITLES, formatReference, requirementsFor } = commandModules();
      const lang = options.lang;
      const list = options.port
        ? requirementsFor(portOrFail({ name: options.port, unlisted: options.unlisted, command: 'tos-filing catalog', needsPrefecture: false }, lang).port)
        : [...REQUIREMENTS];
      if (options.format === 'json') {
        const rows = list.map((r) => ({
          id: r.id,
          scope: r.scope,
          title: r.title,
          references: r.references.map((ref) => ({ ...ref, volumeTitle: VOLUME_TITLES[ref.volume][lang] })),
        }));
        print(JSON.stringify(rows, null, 2));
        return;
      }
      const scopeLabel = (s: 'all' | 'specified') => inLang(s === 'all' ? { ja: SCOPE_LABELS.all, en: 'all ports' } : { ja: SCOPE_LABELS.specified, en: 'specified ports' }, lang);
      print(list.map((r, i) => `${i + 1}. ${r.title}  [${scopeLabel(r.scope)}]\n   ${r.references.map((ref) => formatReference(ref, lang)).join(' / ')}\n   （${r.id}）`).join('\n'));
    });

  program
    .command('init')
    .description('その港で記載が必要な項目をすべて含む、記入用のYAMLひな形を出力します（宛先は港を管轄する運輸局）')
    .requiredOption('--port <name>', '港名（例：清水港）')
    .addOption(unlistedOption())
    .addOption(prefectureOption())
    .option('--kind <kind>', `申請区分（${enumValues('applicationKind').join(' / ')}、または 許可申請・事業計画変更認可申請・事業計画変更届出）`, 'new-license')
    .option('--agent <office.yaml>', '事務所ファイル。ひな形の代理人（agent）にその記載を入れます')
    .addOption(langOption())
    .action((options: { port: string; unlisted?: boolean; prefecture?: string; kind: string; agent?: string; lang: Lang }) => {
      const { enumValueFor, filingSkeleton } = commandModules();
      const kind = enumValueFor('applicationKind', options.kind) as ApplicationKind | undefined;
      if (!kind) throw new UsageError(inLang({ ja: `--kind には ${enumValues('applicationKind').join('、')} のいずれかを指定してください（${options.kind}）`, en: `--kind takes ${enumValues('applicationKind').join(', ')} (not ${options.kind})` }, options.lang));
      const chosen = portOrFail({ name: options.port, unlisted: options.unlisted, prefecture: options.prefecture, command: 'tos-filing init', needsPrefecture: true }, options.lang);
      const agent = options.agent === undefined ? undefined : officeAgentOf(options.agent, options.lang);
      print(filingSkeleton(chosen.port, kind, { unlisted: chosen.unlisted, agent }));
    });

  program
    .command('edit')
    .description('届出ファイルをブラウザの画面で編集します（項目ごとに検証結果を表示し、保存・書類のプレビューができます）')
    .argument('<file>', '届出ファイル（.yaml / .yml / .json）。まだない場合は --port を指定するとひな形から始めます。手で作成した事業計画（.docx / .pdf）は本文から作った下書き（<名前>.yaml）として開きます')
    .option('--port <name>', 'ファイルがまだない場合に、ひな形を作る港名（例：清水港）')
    .addOption(unlistedOption())
    .addOption(prefectureOption())
    .option('--http-port <number>', '編集画面のポート番号（0 で空いているポート）')
    .option('--no-open', 'ブラウザを開かない（表示された URL を自分で開く）')
    .option('--templates <dir>', 'プレビューと書類に使うテンプレートのフォルダ（templates/ をコピーして編集したもの。build --templates と同じ）')
    .addOption(langOption())
    .action(async (file: string, options: { port?: string; unlisted?: boolean; prefecture?: string; httpPort?: string; open: boolean; templates?: string; lang: Lang }) => {
      const httpPort = options.httpPort === undefined ? undefined : Number(options.httpPort);
      if (httpPort !== undefined && !(Number.isInteger(httpPort) && httpPort >= 0 && httpPort <= 65535))
        throw new UsageError(inLang({ ja: `--http-port には 0〜65535 の数を指定してください（${options.httpPort}）`, en: `--http-port takes 0-65535 (not ${options.httpPort})` }, options.lang));
      const chosen =
        options.port === undefined
          ? undefined
          : portOrFail({ name: options.port, unlisted: options.unlisted, prefecture: options.prefecture, command: `tos-filing edit ${file}`, needsPrefecture: true }, options.lang);
      // a Word file or PDF: a hand-typed plan opens as the draft `import` makes of it, under <name>.yaml
      let start: { text: string; from: string; note?: string } | undefined;
      let target = file;
      const document = documentKind(file);
      if (document) {
        const { importPlan } = commandModules();
        const outcome = importPlan(await sourceOf(file), { format: 'yaml' });
        if (outcome.status === 'not-a-plan')
          throw new UsageError(inLang({ ja: `${file}: tos-filing で作成した書類です。編集画面は届出ファイル（YAML）を開きます。「tos-filing extract ${file} > ${stemOfPath(file)}.yaml」で届出データを取り出してから、その YAML を edit で開いてください`, en: `${file}: made by tos-filing; run tos-filing extract first and edit the YAML` }, options.lang));
        target = `${stemOfPath(file)}.yaml`;
        if (existsSync(target))
          throw new UsageError(inLang({ ja: `${file}: 下書きの ${target} は既にあります。そのファイルを edit で開いてください（書類から作り直すときは「tos-filing import ${file} --out 別の名前.yaml」）`, en: `${target} exists already: edit it (or import ${file} into another file)` }, options.lang));
        process.stderr.write(forTerminal(outcome.report));
        start = { text: outcome.text, from: file, note: outcome.report };
      }
      // loaded only for this command: the other commands start no faster or slower because of the editor
      const { EditorStartError, runEditor } = await import('../web/runEditor.ts');
      try {
        await runEditor({ file: target, port: chosen?.port, unlisted: chosen?.unlisted, httpPort, open: options.open, log: (line) => print(line), templates: options.templates, ...(start ? { start } : {}) });
      } catch (err) {
        if (err instanceof EditorStartError) throw new UsageError(err.message);
        throw err;
      }
    });

  program
    .command('app')
    .description('インストールできないパソコン向けに、ブラウザで開くだけで使える1つのファイル（tos-filing.html）を作成します。ネットワークには一切接続しません')
    .option('--out <dir>', '出力先のフォルダ', 'out')
    .addOption(langOption())
    .action(async (options: { out: string; lang: Lang }) => {
      // loaded only for this command, like the editor
      const { AppBuildError, APP_FILE_NAME, offlinePage } = await import('../web/offlineApp.ts');
      const { prepareOutputFolder } = commandModules();
      prepareOutputFolder(options.out);
      let bytes: Uint8Array;
      try {
        bytes = await offlinePage();
      } catch (err) {
        if (err instanceof AppBuildError || err instanceof TemplateError) throw new UsageError(err.message);
        throw err;
      }
      for (const path of await write(options.out, [{ name: APP_FILE_NAME, bytes }], [])) print(path);
      process.exitCode = EXIT.ok;
    });

  program
    .command('schema')
    .description('届出ファイルの JSON Schema（エディタの補完用）')
    .action(() => {
      const { filingSchema, toJSONSchema } = commandModules();
      const schema = toJSONSchema(filingSchema, { io: 'input' });
      print(JSON.stringify({ ...schema, $id: 'https://tos-filing.invalid/filing.schema.json' }, null, 2));
    });

  return program;
}

function isUserFacing(err: unknown): err is Error {
  return err instanceof UsageError || err instanceof TemplateError || err instanceof OutputError || (loaded !== undefined && err instanceof loaded.MarkupError);
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
    if (isUserFacing(err)) {
      process.stderr.write(`tos-filing: ${forTerminal(err.message)}\n`);
      return EXIT.usage;
    }
    process.stderr.write(`tos-filing: 内部エラー：${(err as Error).message}\n`);
    if (process.env.TOS_FILING_DEBUG) process.stderr.write(`${(err as Error).stack}\n`);
    return 70;
  }
}

